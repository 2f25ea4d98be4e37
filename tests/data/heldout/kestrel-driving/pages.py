# The pages (hand-written content) of Kestrel, an independent driving school the project has never seen.
pages.append(page("/", "Driving lessons in Wickenford", """
<h1>Learn to drive with a local, independent school</h1>
<p class="lead">Kestrel Driving School was started in 2009 by Helen Marsden with one car and a diary full of pencil marks. The name came from the kestrels that hover over the Wickenford bypass, patient and watchful, which is how we like our pupils to drive. Today we are a team of five instructors and an office manager, and we still answer the phone ourselves.</p>
<img src="/images/kestrel-car.jpg" alt="One of our manual cars, a white Volkswagen Polo with dual controls and the orange Kestrel roof sign, parked outside the office">
<h2>What we teach</h2>
<ul>
  <li><a href="/lessons/">Manual and automatic lessons</a>, one or two hours at a time, starting and finishing at your door.</li>
  <li><a href="/intensive-courses/">Intensive courses</a> for people who need to pass quickly.</li>
  <li><a href="/theory-test/">Theory help</a>, with evening classes and a monthly mock test.</li>
  <li><a href="/motorway-lessons/">Motorway lessons</a>, for learners and for people who passed long ago but never felt sure on fast roads.</li>
  <li><a href="/pass-plus/">Pass Plus</a> for new drivers and <a href="/refresher-lessons/">refresher lessons</a> for anyone coming back to driving.</li>
  <li><a href="/gift-vouchers/">Gift vouchers</a> for birthdays and Christmas.</li>
</ul>
<h2>Why pupils choose us</h2>
<p>Every one of our instructors is a fully qualified DVSA approved driving instructor, not a trainee, and each has a patch of town and villages they know inside out, including the roads around both local test centres. You will have the same instructor from your first lesson to your test, unless you ask to change. We don't sell lessons in huge blocks you can't use, and we never put you in for a test before you are ready.</p>
<h2>Latest news</h2>
<p>Read about <a href="/news/lesson-prices-2026/">our lesson prices for 2026</a> and the <a href="/news/electric-cars-2026/">new cars joining the fleet</a> this spring.</p>
""", "2026-03-04"))

pages.append(page("/lessons/", "Manual and automatic lessons", """
<h1>Manual and automatic driving lessons</h1>
<p>Lessons are one or two hours long and can start and finish at home, school, college or work, anywhere within <a href="/areas-covered/">the areas we cover</a>. Most pupils take a two-hour lesson once a week, which leaves time to drive somewhere worthwhile and still go over what went well. Your instructor keeps a written progress record, so you always know what is next.</p>
<h2>Manual or automatic?</h2>
<p>A manual licence lets you drive both manual and automatic cars; an automatic licence only lets you drive automatics. Automatics are easier to pick up because there is no clutch or gear changing, and many pupils need fewer lessons in one. With more new cars being hybrid or electric, more of our pupils choose automatic every year.</p>
<h2>Our prices</h2>
<table>
  <caption>Lesson prices</caption>
  <thead><tr><th>Lesson</th><th>Manual</th><th>Automatic</th></tr></thead>
  <tbody>
    <tr><td>Introductory lesson, your first 2 hours (new pupils only)</td><td>£60</td><td>£66</td></tr>
    <tr><td>1-hour lesson</td><td>£38</td><td>£41</td></tr>
    <tr><td>2-hour lesson</td><td>£76</td><td>£82</td></tr>
    <tr><td>Block of 10 hours, paid in advance</td><td>£360</td><td>£390</td></tr>
    <tr><td>Car hire for your practical test, with a 1-hour warm-up lesson before it</td><td>£95</td><td>£100</td></tr>
  </tbody>
</table>
<p>All lessons are in our own dual-control cars, which are insured for learner drivers and cleaned every day. See <a href="/booking/">booking and cancellations</a> for how to pay and how much notice we need if you can't make a lesson.</p>
<h2>How many lessons will I need?</h2>
<p>Everyone is different. Pupils with no experience usually need between thirty and fifty hours with an instructor, fewer if they also practise with a family member. We will give you an honest estimate after your first couple of lessons, and we'll tell you when you are ready to book your test.</p>
""", "2025-09-30"))

pages.append(page("/intensive-courses/", "Intensive driving courses", """
<h1>Intensive courses</h1>
<p>If you need to pass quickly, for a new job, before moving away or before university, an intensive course packs your lessons into a short time. Most courses are run over one or two weeks, with three to five hours of driving a day, and they end with your practical test in one of our cars.</p>
<h2>Before you book</h2>
<ul>
  <li>You must have passed your theory test before the course starts. We can help you prepare: see <a href="/theory-test/">theory help</a>.</li>
  <li>You need a provisional licence and you must be able to give the whole week, or two weeks, to driving.</li>
  <li>If you have driven before, tell us honestly how much. Not sure which course fits? Book a normal lesson first and your instructor will recommend one.</li>
</ul>
<h2>How much does a course cost?</h2>
<table>
  <caption>Intensive course prices</caption>
  <thead><tr><th>Course</th><th>Suits</th><th>Manual</th><th>Automatic</th></tr></thead>
  <tbody>
    <tr><td>10 hours</td><td>Nearly test-ready, or passed abroad</td><td>£430</td><td>£460</td></tr>
    <tr><td>20 hours</td><td>Some experience, around 15 hours of lessons already</td><td>£830</td><td>£890</td></tr>
    <tr><td>30 hours</td><td>A few lessons already</td><td>£1,210</td><td>£1,290</td></tr>
    <tr><td>40 hours</td><td>Complete beginners</td><td>£1,590</td><td>£1,700</td></tr>
  </tbody>
</table>
<p>Every course price includes car hire for your practical test. It does not include the DVSA test fee, which you pay when the test is booked. A deposit of £150 secures your dates, and the balance is due fourteen days before the course starts.</p>
<h2>The test</h2>
<p>Test dates are in short supply, so we plan the course around the test rather than the other way round. If you already have a test date, tell us when you enquire. If a test is cancelled by the DVSA, we will fit in extra lessons before the new date at our normal rate.</p>
""", "2026-02-16"))

pages.append(page("/pass-plus/", "Pass Plus", """
<h1>Pass Plus</h1>
<p>Passing your test is the start, not the end. Pass Plus is a practical course, designed by the DVSA, for drivers who have recently passed and want more experience of the roads and conditions the test doesn't cover. It is best taken in your first year of driving, but anyone with a full licence can do it.</p>
<h2>What the course covers</h2>
<p>The course is made up of six modules, and takes at least six hours in total:</p>
<ol>
  <li>Driving in town, including busy junctions and one-way systems</li>
  <li>All-weather driving: rain, fog, low sun and, in winter, ice</li>
  <li>Driving on rural roads and country lanes</li>
  <li>Driving at night</li>
  <li>Dual carriageways</li>
  <li>Motorways</li>
</ol>
<p>There is no test at the end. Your instructor assesses you as you go, and once you have reached the standard in every module the DVSA sends you a Pass Plus certificate.</p>
<h2>Price</h2>
<p>Pass Plus costs £240 in a manual car and £264 in an automatic, for the full six hours. If you need extra time on any module, further hours are charged at our usual hourly rate. The night driving module is booked after dark, so in summer it may finish late in the evening.</p>
<h2>Will it cut my insurance?</h2>
<p>Some insurers give a discount to new drivers with a Pass Plus certificate, but not all of them do, and the amount varies. Check with your insurer before you book if that is the main reason you are taking the course.</p>
<p>Pass Plus is taught by our registered Pass Plus instructor, usually in our own car, though you can take some modules in your own car if it is insured for you.</p>
""", "2025-11-03"))

pages.append(page("/motorway-lessons/", "Motorway lessons", """
<h1>Motorway lessons</h1>
<p>Since June 2018, learner drivers in England have been allowed to drive on motorways, as long as they are with an approved driving instructor in a car with dual controls. Motorways aren't part of the practical test, but we think nobody should meet one for the first time on their own, so we offer motorway lessons to learners who are nearly test-ready.</p>
<p>We use the motorway at the Brenley Cross junction, about twenty minutes from Wickenford. A lesson covers joining from the slip road, keeping a safe gap, lane discipline, overtaking, smart motorway signs and what to do if you break down.</p>
<h2>Not just for learners</h2>
<p>Plenty of our motorway pupils have held a licence for years. Some passed before motorway lessons were possible and have always avoided them; others have a new job in a city or a family to visit at the other end of the country. We go at your pace, starting on quieter dual carriageways if that helps.</p>
<h2>Prices</h2>
<table>
  <caption>Motorway lesson prices</caption>
  <thead><tr><th>Lesson</th><th>Length</th><th>Manual</th><th>Automatic</th></tr></thead>
  <tbody>
    <tr><td>Motorway introduction for learners</td><td>2 hours</td><td>£84</td><td>£90</td></tr>
    <tr><td>Motorway confidence for full licence holders</td><td>2 hours</td><td>£90</td><td>£96</td></tr>
    <tr><td>Motorway and dual carriageway half-day</td><td>4 hours</td><td>£170</td><td>£182</td></tr>
  </tbody>
</table>
<p>Full licence holders can take the lesson in their own car if it is insured, which helps if that is the car you will be driving afterwards; the price is the same.</p>
""", "2025-10-20"))

pages.append(page("/theory-test/", "Theory test help", """
<h1>Theory test help</h1>
<p>You have to pass the theory test before you can book your practical test, and before you start an <a href="/intensive-courses/">intensive course</a>. It has two parts, taken on the same day: fifty multiple-choice questions, of which you need to get forty-three right, and the hazard perception test, with fourteen video clips. The theory test costs £23 and is booked on GOV.UK.</p>
<h2>Evening classes in our training room</h2>
<p>We run small group sessions in the training room above our office, with no more than ten people in each. Bring a notebook; we provide the laptops for hazard perception practice, tea and biscuits.</p>
<table>
  <caption>Theory sessions</caption>
  <thead><tr><th>Session</th><th>Day</th><th>Time</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Highway Code and road signs</td><td>Thursday</td><td>19:00 to 20:30</td><td>£10</td></tr>
    <tr><td>Hazard perception practice</td><td>Tuesday</td><td>18:30 to 20:00</td><td>£10</td></tr>
    <tr><td>Mock theory test, under exam conditions</td><td>First Saturday of the month</td><td>10:00 to 11:30</td><td>£10</td></tr>
  </tbody>
</table>
<p>Sessions are free for pupils who have paid for a block of 10 hours. Everyone else is welcome at £10 a session; you don't need to be having lessons with us. Ring the office to book a place.</p>
<h2>Revising at home</h2>
<p>Use the official DVSA revision app or book, and practise little and often rather than cramming the night before. Our instructors will happily go over anything you find confusing while you are out on a lesson, because seeing a road sign for real is the best way to remember it.</p>
""", "2025-12-01"))

pages.append(page("/refresher-lessons/", "Refresher lessons", """
<h1>Refresher lessons</h1>
<p>Not everyone who calls us is seventeen. Many of our pupils already hold a licence but haven't driven for years, have lost their confidence after an accident, have moved here from abroad, or have only ever driven a manual and now have an automatic on the drive. Refresher lessons are for all of them.</p>
<h2>Start with an assessment drive</h2>
<p>Your first session is a 90-minute assessment drive. Your instructor will start somewhere quiet, see how you get on, and talk through what you would like to work on, whether that's roundabouts, parking, town traffic or fast roads. The assessment drive costs £55. After it, we agree a plan, usually between three and eight lessons, charged at our normal hourly rate.</p>
<h2>Common reasons people come to us</h2>
<ul>
  <li>Coming back to driving after a long break, often after years of living in a city.</li>
  <li>Losing confidence after a crash or a near miss.</li>
  <li>Switching from manual to automatic, or getting used to a new hybrid or electric car.</li>
  <li>Older drivers who want an honest, friendly second opinion on their driving. Nothing is reported to anyone; the assessment is for you and your family.</li>
  <li>People who passed overseas and want to learn British roads, signs and roundabouts.</li>
</ul>
<h2>Your car or ours</h2>
<p>Lessons can be in our dual-control cars, or in your own car if it is insured for you and roadworthy. Most people start in ours and finish in their own.</p>
<p>If you are nervous about even getting behind the wheel, tell us when you ring. We will match you with the instructor best suited to a calm, patient start.</p>
""", "2025-08-14"))

pages.append(page("/gift-vouchers/", "Gift vouchers", """
<h1>Gift vouchers</h1>
<p>A driving lesson voucher is one of the most useful presents you can give, whether it's for someone's seventeenth birthday, a new driver who needs confidence on the motorway, or a grandparent who wants to get back on the road.</p>
<h2>Choosing a voucher</h2>
<ul>
  <li><strong>First Drive voucher</strong>, £60: the introductory 2-hour lesson in a manual car, for anyone aged 17 or over with a provisional licence. (For an automatic, add £6.)</li>
  <li><strong>Money vouchers</strong> in any amount from £20 upwards, to be spent on any of our lessons or courses, including intensive courses, Pass Plus, motorway lessons and theory sessions.</li>
</ul>
<h2>How to buy</h2>
<p>Ring the office or call in during <a href="/opening-hours/">office hours</a> and pay by card. We can email the voucher as a PDF the same day, or post it in a card at no extra charge; allow three working days for the post. Tell us if it is a surprise and we won't ring the person it's for.</p>
<h2>The small print</h2>
<ul>
  <li>Vouchers are valid for 12 months from the date of purchase.</li>
  <li>They can't be exchanged for cash, but a voucher can be used towards a lesson or course that costs more, with the difference paid by the pupil.</li>
  <li>Whoever uses a First Drive voucher must have their provisional licence before they book the lesson.</li>
  <li>Lost your voucher? Ring us with the buyer's name and we'll look it up.</li>
</ul>
""", "2025-11-24"))

pages.append(page("/instructors/", "Our instructors", """
<h1>Meet the instructors</h1>
<p>All of our instructors are DVSA approved driving instructors. Each covers a patch of Wickenford and the villages, so your instructor will be the one who knows your roads.</p>
<section>
<h3>Helen Marsden, owner and senior instructor</h3>
<p>Helen founded Kestrel in 2009 after ten years as a paramedic, and still teaches four days a week. She teaches manual and runs most of our intensive courses. Her area is Wickenford town centre and Ashby Vale.</p>
</section>
<section>
<h3>Graham Pettifer, instructor</h3>
<p>Graham is our registered Pass Plus instructor and takes most of our motorway and refresher pupils. He spent twenty years driving coaches before he retrained. He teaches manual and automatic and covers Fenby, Hollins Cross and the villages north of the bypass.</p>
</section>
<section>
<h3>Darren Okoye, instructor</h3>
<p>Darren teaches automatic only and specialises in nervous pupils and learners with dyslexia or ADHD. He never raises his voice and has a box of mints in the glovebox for emergencies. His area is Hinton Parva and Lower Stoke.</p>
</section>
<section>
<h3>Agnieszka (Aga) Nowak, instructor</h3>
<p>Aga teaches manual and automatic, in English or Polish, and is the instructor to ask for if you can only do Sunday lessons. She covers Castlebrook and Marlow End.</p>
</section>
<section>
<h3>Sunita Rao, instructor</h3>
<p>Sunita teaches manual and runs our theory classes in the training room. She works afternoons and evenings, which suits pupils who are at school or work all day. Her area is west Wickenford and Saltley Green.</p>
</section>
<section>
<h3>Claire Whitlow, office manager</h3>
<p>Claire answers the phone, matches new pupils with an instructor, books tests and sells gift vouchers. If you aren't sure who to ask, ask Claire.</p>
</section>
""", "2026-01-20"))

pages.append(page("/areas-covered/", "Areas we cover", """
<h1>Areas we cover</h1>
<p>Lessons start and finish at your door, or at school, college or work, anywhere in the areas below. There is no extra charge for pickups in these areas.</p>
<h2>Where we teach</h2>
<ul>
  <li>Wickenford town centre, Station Hill and the Corn Exchange area</li>
  <li>West Wickenford and Saltley Green</li>
  <li>Ashby Vale</li>
  <li>Castlebrook and Marlow End</li>
  <li>Hinton Parva and Lower Stoke</li>
  <li>Fenby, Hollins Cross and the villages north of the bypass</li>
</ul>
<p>Each area has its own instructor: see <a href="/instructors/">our instructors</a>. If you live just outside, ring us anyway. We can often meet you at a bus stop or in Wickenford, and we will tell you honestly if we can't cover you.</p>
<h2>Test centres</h2>
<p>Our pupils take their practical test at either the Wickenford test centre on Station Approach or the Castlebrook test centre on Quarry Road. We practise the roads around both of them, including the routes the examiners are known to use, so the test area feels familiar on the day. Which centre you choose usually depends on where you live and which has the earlier date.</p>
<h2>Moving away?</h2>
<p>If you are going to university or moving for work part-way through your lessons, we'll give you a copy of your progress record to take to your new instructor, so you don't start from scratch.</p>
""", "2025-09-12"))

pages.append(page("/booking/", "Booking and cancellations", """
<h1>Booking and cancellations</h1>
<h2>How to book</h2>
<p>Ring the office on 01632 960 552, email bookings@kestreldriving.example, or fill in the enquiry form on the <a href="/contact/">contact page</a>. Claire will match you with the instructor for your area and find a regular time that suits you both. Once you are having lessons, you can book further lessons directly with your instructor at the end of each one.</p>
<p>Before your first lesson we will ask for your provisional licence number, your date of birth and where you would like to be picked up.</p>
<h2>Paying for lessons</h2>
<p>You can pay by bank transfer or by debit or credit card, over the phone or at the office. Single lessons are paid for before the lesson; blocks of 10 hours are paid in advance. Our instructors don't take cash in the car.</p>
<h2>Cancelling or moving a lesson</h2>
<p>Life happens, and we understand. If you need to cancel or move a lesson, please give us at least 48 hours' notice, by phone or text to your instructor. With less notice than that, the full lesson fee is charged, because your instructor can't usually fill the slot. We waive the fee if you are ill and send us a note from your doctor or pharmacist.</p>
<p>If we have to cancel a lesson, because of snow and ice or because your instructor is ill, we will rearrange it at no cost to you.</p>
<h2>Booking your practical test</h2>
<p>We can book your practical test for you; Claire will need your licence number and a card to pay the DVSA. Please don't book a test yourself without checking with your instructor first, because the car and the instructor must be free on the day.</p>
""", "2025-10-08"))

pages.append(page("/first-lesson/", "Your first lesson", """
<h1>Your first lesson</h1>
<p>Nearly everyone is nervous before their first lesson. You don't need to be: your instructor has done this hundreds of times, and nobody expects you to know anything yet.</p>
<h2>What to bring</h2>
<ul>
  <li>Your photocard provisional licence. We can't start the lesson without it.</li>
  <li>Glasses or contact lenses, if you need them to see distance. The law says you must be able to read a number plate from 20 metres, and your instructor will check this before you drive.</li>
  <li>Comfortable, flat shoes with thin soles. Trainers are fine; flip-flops and heavy boots are not.</li>
  <li>A bottle of water.</li>
</ul>
<h2>What happens</h2>
<p>Your instructor will pick you up and drive to a quiet road. First comes the cockpit drill: adjusting the seat, mirrors and steering wheel, and learning what each control does. Then it's your turn to move off, steer, and stop, again and again, until it starts to feel natural. Most first-time pupils are driving along quiet roads by the end of their first two hours.</p>
<p>Near the end, your instructor will go through what you did well, what comes next, and how many lessons you might need.</p>
<h2>Practising between lessons</h2>
<p>Extra practice with a family member or friend helps a lot, but they must be over 21, have held a full licence for three years, and the car must be insured for you. Ask your instructor what to practise and what to leave until your next lesson.</p>
""", "2025-07-22"))

pages.append(page("/faq/", "Frequently asked questions", """
<h1>Frequently asked questions</h1>
<details><summary>Can I start lessons before my 17th birthday?</summary><p>You can book in advance, and your first lesson can be on your birthday itself, as long as your provisional licence has arrived. It can take a few weeks, so apply from the age of fifteen years and nine months.</p></details>
<details><summary>Can you pick me up from one place and drop me at another?</summary><p>Yes. We can pick you up from school, college or work and drop you somewhere else, such as home, as long as both places are inside the areas we cover.</p></details>
<details><summary>Can a parent come along on a lesson?</summary><p>Yes. A parent, or whoever helps with your private practice, is welcome to sit in the back during a lesson at no extra cost, as long as your instructor agrees beforehand. It is a good way for them to see what you are being taught.</p></details>
<details><summary>What happens if my test is cancelled because of the weather?</summary><p>The DVSA will rebook your test at no cost to you. We won't charge you car hire twice: the car hire carries over to your new date, and you only pay for another warm-up lesson if you want one.</p></details>
<details><summary>Can I switch from manual to automatic?</summary><p>Yes, at any point. Your progress record moves with you and we will pair you with an automatic instructor. Remember that an automatic licence only lets you drive automatic cars.</p></details>
<details><summary>What if my instructor is late?</summary><p>It doesn't happen often, but if your instructor arrives more than 10 minutes late, we will add the lost time to the end of your lesson or to your next one, whichever you prefer.</p></details>
<details><summary>Do you teach pupils with dyslexia or other learning differences?</summary><p>Yes. We adapt how we explain things, use diagrams and written notes if they help, and go at your pace. Tell us when you book so we can match you with the right instructor.</p></details>
<details><summary>How do I know when I'm ready for my test?</summary><p>Your instructor will tell you. Before we suggest booking, you will drive a full mock test with a different Kestrel instructor, marked the way an examiner marks it.</p></details>
""", "2026-01-09"))

pages.append(page("/opening-hours/", "Office hours and lesson times", """
<h1>Office hours and lesson times</h1>
<p>Our office at 14 Corn Exchange Yard is where you can book lessons, buy gift vouchers and talk to Claire about tests. When the office is closed, leave a message on 01632 960 552 and we will ring you back the next working day.</p>
<table>
  <caption>Office and phone line hours</caption>
  <thead><tr><th>Day</th><th>Office open</th></tr></thead>
  <tbody>
    <tr><td>Monday to Friday</td><td>9:00 to 17:30</td></tr>
    <tr><td>Saturday</td><td>9:00 to 13:00</td></tr>
    <tr><td>Sunday</td><td>Closed</td></tr>
  </tbody>
</table>
<h2>When lessons run</h2>
<p>Lessons are not limited to office hours. Our instructors teach from 7:00 to 21:00 Monday to Friday and from 8:00 to 18:00 on Saturdays, so early lessons before school or work and evening lessons after them are both possible. Sunday lessons are available between 9:00 and 17:00 with some instructors; ask when you book.</p>
<p>Evening and early morning slots are the first to go, so if you need one, book a regular time a few weeks ahead.</p>
<h2>Bank holidays and Christmas</h2>
<p>The office is closed on bank holidays, but lessons go ahead if you and your instructor have agreed them. Over Christmas the office closes from 24 December and reopens on 2 January, and there are no lessons on Christmas Day, Boxing Day or New Year's Day.</p>
""", "2025-12-15"))

pages.append(page("/contact/", "Contact us", """
<h1>Contact us</h1>
<p>Kestrel Driving School, 14 Corn Exchange Yard, Wickenford WK3 1HN.</p>
<ul>
  <li>Phone: 01632 960 552</li>
  <li>Email: hello@kestreldriving.example</li>
  <li>Bookings: bookings@kestreldriving.example</li>
</ul>
<p>The office is staffed during our <a href="/opening-hours/">office hours</a>. Outside them, leave a message or send an email and we will reply the next working day. If you are already having lessons, contact your instructor directly to change a lesson.</p>
<h2>Finding the office</h2>
<p>Corn Exchange Yard is the cobbled courtyard behind the old Corn Exchange, reached through the archway on Sheep Street, opposite the library. We are the second door on the right, upstairs above the picture framer's. There is no lift to the office; if the stairs are difficult, ring and we will come down to you or visit you at home.</p>
<h2>Parking and buses</h2>
<p>There is no parking in the Yard itself. The nearest car park is the Cattle Market pay and display, three minutes' walk away. Buses 4, 7 and 12 stop on Sheep Street, and Wickenford station is a ten-minute walk down Station Hill.</p>
<h2>Send us a message</h2>
<form action="/contact/send" method="post">
  <label>Your name <input name="name"></label>
  <label>Phone or email <input name="reply"></label>
  <label>Where do you live? <input name="area"></label>
  <label>Manual or automatic? <select name="gearbox"><option>Manual</option><option>Automatic</option><option>Not sure</option></select></label>
  <label>Message <textarea name="message"></textarea></label>
  <button>Send</button>
</form>
""", "2025-06-18"))

pages.append(page("/news/lesson-prices-2026/", "New lesson prices from 2 February 2026", """
<article>
<h1>Our lesson prices for 2026</h1>
<p><time datetime="2026-01-12">12 January 2026</time></p>
<p>We held our prices through the whole of 2025, but fuel, insurance and the cost of replacing two cars have caught up with us. From 2 February 2026 our lesson prices will be:</p>
<ul>
  <li>1-hour lesson: £40 manual (it was £38) and £44 automatic (it was £41).</li>
  <li>2-hour lesson: £80 manual and £88 automatic.</li>
  <li>Block of 10 hours, paid in advance: £380 manual (it was £360) and £420 automatic (it was £390).</li>
</ul>
<p>The introductory offer for new pupils stays the same, and so does car hire for your practical test, at £95 manual and £100 automatic.</p>
<p>If you have already paid for a block of lessons, every hour in it will be given at the price you paid, however long it takes you to use them. Any block bought before 2 February is at the old price, so if you were thinking of buying one, now is the time.</p>
<p>Thank you for choosing a local, independent driving school. Helen and the team</p>
</article>
""", "2026-01-12", '<meta property="article:published_time" content="2026-01-12">'))

pages.append(page("/news/electric-cars-2026/", "Two electric cars join the fleet", """
<article>
<h1>Learn in an electric car</h1>
<p><time datetime="2026-03-04">4 March 2026</time></p>
<p>From Monday 16 March two fully electric MG4 cars join the Kestrel fleet. Like all electric cars they are automatics, so you will learn to drive without a clutch or gears, and you'll pass with an automatic licence.</p>
<p>More and more of our pupils will be driving an electric or hybrid car once they pass, and learning in one makes sense: they are quiet, smooth and quick away from junctions, and regenerative braking takes a little getting used to. Lessons in the electric cars cost the same as our other automatic lessons, and you can use one for your test.</p>
<p>The cars are charged overnight at our office, so they are always ready for your lesson. Darren and Aga will be teaching in them first; if you are already learning automatic with another instructor and would like to try one, ask Claire.</p>
<p>Our older automatic, which has done over 200,000 miles, is being retired. We'll miss it.</p>
</article>
""", "2026-03-04", '<meta property="article:published_time" content="2026-03-04">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you book lessons, we keep your name, address, date of birth, phone number, email address and driving licence number so that we can teach you, book your tests and contact you about your lessons. Your instructor keeps a progress record of your lessons.</p>
<p>We keep pupil records for three years after your last lesson, and payment records for six years for tax purposes. Gift voucher buyers' details are kept until the voucher has been used or has expired.</p>
<p>We share your licence number and details with the DVSA only when we book a test for you. We don't send marketing emails, and we never sell or share your details with anyone else.</p>
<p>This website sets one cookie, which remembers what you typed into the enquiry form if you leave the page. Our cars have forward-facing dashcams for insurance purposes; recordings are overwritten after 14 days unless there has been an incident.</p>
<p>To see or correct what we hold about you, email privacy@kestreldriving.example.</p>
""", "2025-05-02"))

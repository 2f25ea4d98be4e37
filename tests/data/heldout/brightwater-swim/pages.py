# The pages (hand-written content) of Brightwater, a swim school the project has never seen.
pages.append(page("/", "Swimming lessons in Elderwick for babies, children and adults", """
<h1>Learn to swim with Brightwater</h1>
<p class="lead">Brightwater has been teaching Elderwick to swim since 2011, when Harriet Ashdown hired a hotel pool for one evening a week and taught eleven children in her first term. Today around 900 swimmers a week learn with us, from babies of four months to grandparents who have finally decided this is the year.</p>
<p>We teach in two pools. The small, warm pool at the <a href="/our-pools/">Linden Court Hotel</a> is where babies, toddlers and new beginners start. Older children and adults move on to the teaching pool and the main pool at Elderwick Leisure Centre.</p>
<h2>What we teach</h2>
<ul>
  <li><a href="/baby-and-toddler/">Ducklings</a>, our parent and baby classes, from four months to three years.</li>
  <li><a href="/children/">Children's group lessons</a> in seven stages, from first splashes to 400 metres of tidy front crawl.</li>
  <li><a href="/adults/">Adult lessons</a> for complete beginners, nervous swimmers and anyone who wants a better stroke.</li>
  <li><a href="/private-lessons/">Private lessons</a>, one-to-one or two-to-one, for children and adults.</li>
  <li><a href="/crash-courses/">Holiday crash courses</a>: a lesson a day for a week in the school holidays.</li>
  <li><a href="/parties/">Pool parties</a> at the Linden Court on weekend afternoons.</li>
</ul>
<h2>Small groups, the same teacher</h2>
<p>Our beginner groups are small, and your child will usually keep the same teacher for the whole term. Every teacher is qualified, checked and trained by us, and most of them learned to swim at Brightwater themselves.</p>
<h2>Latest news</h2>
<p>Read about <a href="/news/new-prices-2027/">our prices for 2027</a> and book for our <a href="/news/christmas-splash-2026/">Christmas Splash</a>. Spring term places can be booked now in the booking hub.</p>
""", "2026-11-12"))

pages.append(page("/children/", "Children's swimming lessons", """
<h1>Children's lessons</h1>
<p>Children join us from the age of four, or from three and a half if they have come up through Ducklings. Our learn-to-swim programme has seven stages, and children move up when they are ready, not when the term ends.</p>
<h2>The stages</h2>
<ul>
  <li><strong>Stage 1, first steps:</strong> getting in safely, blowing bubbles, floating with help and moving through the water with floats. Each teacher has no more than four children, and there is always a teacher in the water.</li>
  <li><strong>Stage 2:</strong> floating and gliding on the front and back without help, and kicking five metres.</li>
  <li><strong>Stage 3:</strong> ten metres on the front and back, jumping in, and getting out without the steps.</li>
  <li><strong>Stage 4:</strong> front crawl and backstroke over 15 metres, treading water and the start of breaststroke legs.</li>
  <li><strong>Stages 5 to 7:</strong> all four strokes, turns, diving, and distances building to 400 metres. From Stage 4 the groups are up to six children.</li>
</ul>
<p>Stages 1 to 4 are taught at the Linden Court pool or in the teaching pool at the leisure centre. Stages 5 to 7 swim in the main pool at Elderwick Leisure Centre, where the water is deep.</p>
<h2>Fresh Start, for older beginners</h2>
<p>Learning alongside four-year-olds is no fun when you are ten. Fresh Start is a group for beginners aged eight to twelve, taught in the teaching pool at the leisure centre. Most Fresh Start swimmers join Stage 4 after two or three terms.</p>
<h2>Badges and progress</h2>
<p>Teachers assess every swimmer in the sixth week of term and again in the last week, and you can see the notes in the booking hub. When your child moves up a stage they get a badge and a certificate to take home, presented on the poolside at the end of the lesson.</p>
<p>If a new swimmer has had lessons somewhere else, we will book a free assessment so they start in the right stage.</p>
""", "2026-06-18"))

pages.append(page("/adults/", "Adult swimming lessons", """
<h1>Adult lessons</h1>
<p>Around one in five adults in England can't swim a length, so if that's you, you are in good company. Our adult classes are in the evenings, in small groups of up to five, and nobody watches from the side.</p>
<h2>Adult beginners</h2>
<p>For adults who can't swim at all, or can only manage a few strokes with their head up. We start in the shallow end of the teaching pool at the leisure centre, where the floor is raised so everyone can stand, and work on breathing, floating and a relaxed front crawl or breaststroke.</p>
<h2>Adult improvers</h2>
<p>For swimmers who can manage a length but want to swim further, use more than one stroke or get comfortable in deep water. Improvers swim in the main pool.</p>
<h2>Calm Water course</h2>
<p>Some of our adult swimmers are not beginners so much as frightened: of putting their face in, of deep water, or of a bad experience years ago. Calm Water is a six-week course just for them, with no more than four people, at the quiet Linden Court pool on Thursday evenings from 19:00 to 19:45. We go at your pace, and nobody is asked to do anything until they are ready. The whole course costs £96, paid when you book.</p>
<h2>Stroke Clinic</h2>
<p>Already swimming regularly but running out of breath after a length, or fighting the water with your arms? The Stroke Clinic is a 90-minute session on the first Sunday of the month, from 18:00 to 19:30 in the main pool, where a teacher takes your front crawl apart and puts it back together, with drills to take away. Sessions are £25 each and take up to eight swimmers.</p>
<p>Adult group lessons are booked by the term like our children's lessons; see <a href="/prices/">prices</a> and the <a href="/timetable/">timetable</a>.</p>
""", "2026-07-09"))

pages.append(page("/baby-and-toddler/", "Ducklings: baby and toddler swimming", """
<h1>Ducklings</h1>
<p>Ducklings is our parent and baby class, for little ones from four months to three years. Classes are held at the Linden Court Hotel, whose pool is warmer than most and shallow enough to stand up in comfortably.</p>
<h2>Two groups</h2>
<ul>
  <li><strong>Little Ducklings</strong>, from four months to 18 months: songs, splashing, floating on the back with your support and, when your baby is ready, short supported swims under the water.</li>
  <li><strong>Big Ducklings</strong>, from 18 months to three years: kicking, reaching for the side, jumping in to you and the first steps towards swimming without help.</li>
</ul>
<p>Each class is 30 minutes long, with up to eight babies and their grown-ups, and there is a teacher in the water with you.</p>
<h2>Who comes in the water?</h2>
<p>Any grown-up can come in the water with your baby: mums, dads, grandparents and childminders all swim with us. One adult for each baby, please, and the same grown-up each week helps a baby settle, though it isn't a rule.</p>
<h2>What to bring</h2>
<ul>
  <li>A disposable swim nappy, with a reusable neoprene swim nappy over the top. Both are needed, every week.</li>
  <li>A hooded towel and a changing mat.</li>
  <li>A bottle or a snack for afterwards, as babies are usually hungry.</li>
</ul>
<p>There is a baby changing area in the hotel's leisure club, with two changing tables and a place to leave buggies.</p>
<p>From about three, Ducklings move into Stage 1 of our <a href="/children/">children's lessons</a>, and we keep a place for them if you tell us a term ahead.</p>
""", "2026-05-21"))

pages.append(page("/private-lessons/", "Private swimming lessons", """
<h1>Private lessons</h1>
<p>Some swimmers learn faster with a teacher to themselves. Private lessons suit children who are nervous in a group, swimmers preparing for a school swimming test, and adults who would rather nobody else saw their first length.</p>
<h2>One-to-one and two-to-one</h2>
<p>Private lessons last 30 minutes. Two-to-one lessons are for two swimmers at a similar level, usually brothers and sisters or friends, who share the lesson and the cost. You can see the current price on our <a href="/prices/">prices page</a>.</p>
<h2>When and where</h2>
<p>Private lessons are taught at the Linden Court pool:</p>
<ul>
  <li>Monday to Friday, from 12:00 to 15:00</li>
  <li>Saturday, from 13:00 to 16:00</li>
  <li>Sunday, from 8:00 to 10:00</li>
</ul>
<p>We sell private lessons in blocks of five, to be used within ten weeks, so you keep the same time slot and teacher each week.</p>
<h2>Swimmers with additional needs</h2>
<p>Several of our teachers have extra training in teaching swimmers with physical disabilities, autism and sensory needs. For swimmers who find a busy pool hard, we can book a lesson at 7:30 on Sunday mornings, before the hotel opens the pool to its guests, when the pool is calm and quiet and the lights can be dimmed. The Linden Court has a pool hoist and an accessible changing room.</p>
<p>Before a first private lesson we like to talk to you on the phone about what your swimmer needs. Call the office or email hello@brightwaterswim.example.</p>
""", "2026-04-02"))

pages.append(page("/crash-courses/", "Holiday crash courses", """
<h1>Holiday crash courses</h1>
<p>A crash course is five lessons on five days in a row, in the school holidays. Swimmers usually come on more in a week of daily practice than in half a term of weekly lessons, which makes crash courses ideal before a family holiday or for a swimmer who has got stuck on one stage.</p>
<p>Courses are open to everyone aged four to fourteen, including children who don't have weekly lessons with us. Stages 1 to 3 have 30-minute lessons in groups of four; Stages 4 to 7 have 45-minute lessons in groups of six. Rhys Calloway plans every course and checks each swimmer's stage before the first morning.</p>
<h2>Dates and prices for 2027</h2>
<table>
  <caption>Crash course dates and prices for the five lessons</caption>
  <thead><tr><th>Holiday</th><th>Dates</th><th>Stages 1 to 3</th><th>Stages 4 to 7</th></tr></thead>
  <tbody>
    <tr><td>February half term</td><td>Monday 15 to Friday 19 February</td><td>£46</td><td>£57</td></tr>
    <tr><td>Easter</td><td>Tuesday 6 to Saturday 10 April</td><td>£46</td><td>£57</td></tr>
    <tr><td>May half term</td><td>Monday 31 May to Friday 4 June</td><td>£46</td><td>£57</td></tr>
    <tr><td>Summer, week 1</td><td>Monday 26 to Friday 30 July</td><td>£49</td><td>£61</td></tr>
    <tr><td>Summer, week 2</td><td>Monday 16 to Friday 20 August</td><td>£49</td><td>£61</td></tr>
  </tbody>
</table>
<p>All crash courses take place at Elderwick Leisure Centre between 9:00 and 12:30; we confirm your child's exact time a week before.</p>
<p>Places are booked in the booking hub. Crash courses fill quickly before the summer, and weekly Brightwater swimmers can book a week before anyone else.</p>
""", "2026-10-14"))

pages.append(page("/timetable/", "Lesson timetable", """
<h1>Weekly timetable</h1>
<p>This is our term-time timetable for the spring term 2027. Group lessons don't run in half-term weeks or the school holidays; see <a href="/terms-and-booking/">term dates</a>.</p>
<table>
  <caption>Group lessons, spring term 2027</caption>
  <thead><tr><th>Day</th><th>Time</th><th>Class</th><th>Pool</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>16:00 to 16:30</td><td>Stage 1</td><td>Linden Court</td></tr>
    <tr><td>Monday</td><td>16:30 to 17:00</td><td>Stage 2</td><td>Linden Court</td></tr>
    <tr><td>Monday</td><td>17:00 to 17:30</td><td>Stage 3</td><td>Linden Court</td></tr>
    <tr><td>Tuesday</td><td>16:15 to 17:00</td><td>Stage 4</td><td>Leisure centre teaching pool</td></tr>
    <tr><td>Tuesday</td><td>17:00 to 17:45</td><td>Stage 5</td><td>Leisure centre main pool</td></tr>
    <tr><td>Tuesday</td><td>17:45 to 18:30</td><td>Stages 6 and 7</td><td>Leisure centre main pool</td></tr>
    <tr><td>Tuesday</td><td>19:30 to 20:15</td><td>Adult improvers</td><td>Leisure centre main pool</td></tr>
    <tr><td>Wednesday</td><td>9:30 to 10:00</td><td>Little Ducklings</td><td>Linden Court</td></tr>
    <tr><td>Wednesday</td><td>10:15 to 10:45</td><td>Big Ducklings</td><td>Linden Court</td></tr>
    <tr><td>Wednesday</td><td>16:30 to 17:15</td><td>Fresh Start</td><td>Leisure centre teaching pool</td></tr>
    <tr><td>Thursday</td><td>16:00 to 17:30</td><td>Stages 1 to 3</td><td>Linden Court</td></tr>
    <tr><td>Thursday</td><td>20:00 to 20:45</td><td>Adult beginners</td><td>Leisure centre teaching pool</td></tr>
    <tr><td>Friday</td><td>9:30 to 10:45</td><td>Little and Big Ducklings</td><td>Linden Court</td></tr>
    <tr><td>Saturday</td><td>8:30 to 11:45</td><td>Stages 1 to 7</td><td>Leisure centre, both pools</td></tr>
  </tbody>
</table>
<p>Where a row covers more than one class or stage, lessons run back to back and your exact time is shown in the booking hub. The Calm Water course and the Stroke Clinic are on the <a href="/adults/">adult lessons page</a>.</p>
""", "2026-11-05"))

pages.append(page("/prices/", "Prices", """
<h1>Prices</h1>
<p>Group lessons are paid for by the term, for the number of weeks in that term, when you book. Terms are usually twelve or thirteen weeks long.</p>
<table>
  <caption>Lesson prices</caption>
  <thead><tr><th>Lesson</th><th>Length</th><th>Group size</th><th>Price per lesson</th></tr></thead>
  <tbody>
    <tr><td>Little and Big Ducklings</td><td>30 minutes</td><td>Up to 8 babies</td><td>£9.00</td></tr>
    <tr><td>Children's Stages 1 to 3</td><td>30 minutes</td><td>Up to 4</td><td>£8.50</td></tr>
    <tr><td>Children's Stages 4 to 7</td><td>45 minutes</td><td>Up to 6</td><td>£9.50</td></tr>
    <tr><td>Fresh Start (ages 8 to 12)</td><td>45 minutes</td><td>Up to 5</td><td>£9.50</td></tr>
    <tr><td>Adult beginners and improvers</td><td>45 minutes</td><td>Up to 5</td><td>£12.00</td></tr>
    <tr><td>One-to-one private lesson</td><td>30 minutes</td><td>1</td><td>£32</td></tr>
    <tr><td>Two-to-one private lesson</td><td>30 minutes</td><td>2</td><td>£40 for both</td></tr>
  </tbody>
</table>
<h2>Registration</h2>
<p>New families pay a one-off registration fee of £15 per family when they first book. It covers the booking hub account and your first swimmer's badge book.</p>
<h2>Brothers and sisters</h2>
<p>When two or more children from the same family have weekly group lessons, we take 10% off the second and each further child's lessons.</p>
<h2>Paying</h2>
<p>Term fees are due in full when you book. If you join part way through a term, you only pay for the weeks that are left.</p>
""", "2025-08-20"))

pages.append(page("/our-pools/", "Our pools", """
<h1>Our two pools</h1>
<h2>The Linden Court Hotel pool</h2>
<p>The Linden Court pool is in the hotel's leisure club, in the old coach house behind the main building. It is 15 metres long and between 0.9 and 1.2 metres deep, under a glass roof that makes it bright even on a winter afternoon. It is kept warm for babies and beginners, and during our lessons nobody else is in the water.</p>
<img src="/images/linden-court-pool.jpg" alt="The Linden Court pool under its glass roof, heated to 31 degrees for babies and beginners">
<p>This is where Ducklings, private lessons, pool parties and most of our Stage 1 to 3 lessons take place. The hotel has a pool hoist, an accessible changing room and family changing cubicles. Parents of children in group lessons wait in the residents' lounge next to the leisure club; see our <a href="/faq/">help page</a> about watching from the poolside.</p>
<h2>Elderwick Leisure Centre</h2>
<p>At the leisure centre on Fullers Road we use two pools:</p>
<ul>
  <li>The <strong>teaching pool</strong>, 12 metres long with a moveable floor that can be raised so that even small children and adult beginners can stand.</li>
  <li>The <strong>main pool</strong>, 25 metres long with six lanes and a deep end of two metres, for Stages 5 to 7, adult improvers and the Stroke Clinic.</li>
</ul>
<p>Upstairs there is a viewing gallery that looks over both pools, so you can watch your swimmer from a seat in the dry. Next to the gallery is the Dipper coffee bar, run by the leisure centre, where many of our parents wait.</p>
<p>The leisure centre has separate changing villages for each pool. Swimmers aged eight and over use the changing rooms for their own sex; younger children can change with a parent in the family cubicles.</p>
""", "2026-03-26"))

pages.append(page("/terms-and-booking/", "Term dates and booking", """
<h1>Term dates and booking</h1>
<p>Our group lessons follow Elderwick's school terms, with a break at each half term.</p>
<table>
  <caption>Term dates, 2026 to 2027</caption>
  <thead><tr><th>Term</th><th>Lessons run</th><th>No lessons</th></tr></thead>
  <tbody>
    <tr><td>Autumn term 2026</td><td>Monday 7 September to Saturday 12 December 2026</td><td>Half term, 26 to 31 October</td></tr>
    <tr><td>Spring term 2027</td><td>Monday 4 January to Saturday 27 March 2027</td><td>Half term, 15 to 20 February</td></tr>
    <tr><td>Summer term 2027</td><td>Monday 19 April to Saturday 17 July 2027</td><td>Half term, 31 May to 5 June</td></tr>
  </tbody>
</table>
<h2>Booking a place</h2>
<p>All bookings are made in the booking hub, our online system, where you create an account for your family and add each swimmer. New swimmers can book any class with a free place; if the class you want is full, join its waiting list and the office will email you when a place comes up.</p>
<h2>Keeping your place</h2>
<p>Swimmers already with us are offered the same class for the next term first. Re-enrolment opens four weeks before the end of each term and closes two weeks before; after that, unclaimed places are offered to the waiting list.</p>
<h2>Missed lessons</h2>
<p>If your swimmer can't make a lesson, let us know in the booking hub before it starts and you can book up to two make-up lessons a term in another class at the same stage, where there is space. Make-up lessons can't be carried over into the next term.</p>
<h2>Leaving</h2>
<p>If you don't want to continue, simply don't re-enrol. We don't refund lessons missed part way through a term, except for a long illness or injury with a note from a doctor.</p>
""", "2026-09-15"))

pages.append(page("/parties/", "Pool parties", """
<h1>Pool parties at the Linden Court</h1>
<p>Swap the soft play for a pool party. We hire the Linden Court pool on Saturday and Sunday afternoons for birthday parties, with two of our teachers running games in the water and a giant inflatable for the last fifteen minutes.</p>
<h2>What's included</h2>
<ul>
  <li>45 minutes in the pool with two Brightwater teachers</li>
  <li>Use of the giant inflatable, floats and toys</li>
  <li>An hour in the Cedar Room, the hotel's private function room next to the leisure club, for food and cake</li>
  <li>An invitation template to print or send</li>
</ul>
<p>A party costs £165 for up to 20 guests. Food isn't included: you can bring your own, or order a party tea from the hotel kitchen, which deals with you directly.</p>
<h2>Who can come</h2>
<p>Parties are for children aged four and over. Children who can't yet swim ten metres on their own must have a grown-up in the water with them, and every guest needs a swimming adult on the poolside or in the pool. Party times are from 14:00 or 16:00 on Saturdays and 13:00 or 15:00 on Sundays.</p>
<h2>Booking a party</h2>
<p>Call the office to check a date, then pay a £50 deposit to hold it; the rest is due a week before the party. If you cancel more than four weeks ahead we return the deposit.</p>
""", "2026-02-11"))

pages.append(page("/team/", "Our teachers", """
<h1>Meet the team</h1>
<section>
<h3>Harriet Ashdown, founder and head teacher</h3>
<p>Harriet swam for the county as a teenager and taught at three swim schools before starting Brightwater in 2011 with one evening a week at the Linden Court. She still teaches every Saturday morning and trains all our new teachers.</p>
</section>
<section>
<h3>Tobi Adeyemi, adult programme lead</h3>
<p>Tobi teaches all our adult classes, including the Calm Water course and the Stroke Clinic. He learned to swim himself at 27, which he says is why he never rushes anyone.</p>
</section>
<section>
<h3>Maisie Trevithick, Ducklings lead</h3>
<p>Maisie runs our baby and toddler classes at the Linden Court and has taught more than two thousand babies to float. She also leads our training in teaching swimmers with additional needs.</p>
</section>
<section>
<h3>Rhys Calloway, lead teacher at the leisure centre</h3>
<p>Rhys looks after Stages 4 to 7 and Fresh Start, and plans our holiday crash courses. He coaches the Elderwick school swimming team in his spare time.</p>
</section>
<section>
<h3>Anwen Pryor, office manager</h3>
<p>Anwen answers the phone, runs the booking hub and the waiting lists, and knows every swimmer's stage by heart. If you have a question about bookings or payments, she is the person to ask.</p>
</section>
<p>Our teaching team also includes <strong>Imani Brandreth</strong>, <strong>Kamal Sethi</strong> and eleven more part-time teachers, many of whom were once Brightwater swimmers.</p>
""", "2026-01-20"))

pages.append(page("/opening-hours/", "Office hours", """
<h1>Office hours</h1>
<p>Our office at Weavers Court is where the phones are answered and bookings are sorted out. Lessons themselves take place at the <a href="/our-pools/">two pools</a>, not at the office.</p>
<table>
  <thead><tr><th>Day</th><th>Office and phone lines</th></tr></thead>
  <tbody>
    <tr><td>Monday to Thursday</td><td>9:00 to 18:00</td></tr>
    <tr><td>Friday</td><td>9:00 to 15:00</td></tr>
    <tr><td>Saturday</td><td>8:00 to 12:00</td></tr>
    <tr><td>Sunday</td><td>Closed</td></tr>
  </tbody>
</table>
<p>On Saturday mornings, while the office is open, there is also a Brightwater desk on the poolside at Elderwick Leisure Centre, where Anwen or Harriet can answer questions in person.</p>
<h2>Christmas and New Year</h2>
<p>The office closes at 12:00 on Saturday 19 December and reopens at 9:00 on Monday 4 January 2027, the first day of the spring term. Emails sent while we are closed are answered in the first week of January, and the booking hub stays open all through the holiday.</p>
<h2>Out of hours</h2>
<p>If a lesson has to be cancelled at short notice, for example because a pool is closed, we send a text message and an email to every family affected as soon as we know, at any time of day.</p>
""", "2026-10-29"))

pages.append(page("/find-us/", "Find us and contact us", """
<h1>Finding us</h1>
<p>Call the office on 01632 960 927 or email hello@brightwaterswim.example. Our office is at Unit 4, Weavers Court, Elderwick EK4 2RT, but please go straight to the pool for your lesson.</p>
<h2>The Linden Court Hotel</h2>
<p>Linden Court Hotel, Sheepwash Lane, Elderwick EK4 5JP. From the town centre, follow the signs for the railway station and turn left into Sheepwash Lane just before the level crossing; the hotel gates are on the right after a quarter of a mile. Don't go through the hotel's main entrance: follow the path round the right-hand side of the building to the leisure club door in the old coach house.</p>
<p>Brightwater families can park in the hotel car park for up to two hours while their swimmer has a lesson. Give your car registration to the leisure club reception when you arrive.</p>
<h2>Elderwick Leisure Centre</h2>
<p>Elderwick Leisure Centre, Fullers Road, Elderwick EK2 9DB. The leisure centre is on the east side of town, next to Fullers Road playing fields, and has its own large car park. The number 14 bus from Elderwick bus station stops outside the main entrance.</p>
<p>Go through the main doors and past the reception desk; the pool changing rooms are down the stairs on the left, and the viewing gallery is up the stairs on the right.</p>
<h2>Writing to us</h2>
<p>Brightwater Swim School Ltd, Unit 4, Weavers Court, Elderwick EK4 2RT.</p>
""", "2026-04-15"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions parents ask us</h1>
<details><summary>Does my child need a swimming cap?</summary><p>Anyone with hair past the shoulders must wear a swimming cap, at both pools. It keeps hair out of their eyes and out of the filters. Silicone or fabric caps are both fine.</p></details>
<details><summary>Can I watch the lesson at the Linden Court?</summary><p>There is no gallery at the hotel. For Stages 1 to 3, one parent per child may sit on the poolside benches at the Linden Court, in flat shoes and not in outdoor shoes. Everyone else waits in the residents' lounge. For Ducklings, you are in the water anyway.</p></details>
<details><summary>What happens if a pool is closed and our lesson is cancelled?</summary><p>Occasionally a pool has to close at short notice, for instance for a fault with the heating or a fouling in the water. If we cancel a lesson, its full cost is credited to your account in the booking hub, and you can use it against next term's fees or a crash course.</p></details>
<details><summary>Can my child try a lesson before we sign up?</summary><p>We don't run trial lessons in a group, but every new swimmer aged four or over can have a free 15-minute assessment with one of our teachers, so we can put them in the right stage. Book it through the office.</p></details>
<details><summary>Can my child wear goggles?</summary><p>Yes, from Stage 2 onwards. In Stage 1 we ask children to leave them off so they get used to water on their face. Armbands and other buoyancy aids are not used in our lessons; our teachers use floats and noodles instead.</p></details>
<details><summary>My child has been unwell. When can they come back?</summary><p>After sickness or diarrhoea, please keep your child out of the pool for 48 hours after the last bout. With a cold, they can swim if they feel well enough. Let us know in the booking hub so you can book a make-up lesson.</p></details>
<details><summary>What should my child wear?</summary><p>A close-fitting swimming costume or trunks. No long shorts or T-shirts in the water, please, except the rash vests that some children wear for skin conditions, which are fine.</p></details>
<details><summary>Can I change my child's class part way through term?</summary><p>Yes, if there is a space in the class you want. Ask Anwen in the office, and any difference in price will be added to or taken off your account.</p></details>
""", "2026-08-06"))

pages.append(page("/news/new-prices-2027/", "Our prices for 2027", """
<article>
<h1>New lesson prices from January 2027</h1>
<p><time datetime="2026-11-12">12 November 2026</time></p>
<p>We have kept our prices the same for three years, but the cost of hiring both pools has gone up twice since then, and the hotel's heating bill has gone up more than anything. From the spring term, which starts on Monday 4 January 2027, our prices will be:</p>
<ul>
  <li>Children's Stages 1 to 3: £9.25 a lesson (it was £8.50).</li>
  <li>Children's Stages 4 to 7 and Fresh Start: £10.25 a lesson (it was £9.50).</li>
  <li>One-to-one private lessons: £35 for 30 minutes (it was £32).</li>
  <li>Two-to-one private lessons: £44 for both swimmers (it was £40).</li>
</ul>
<p>Ducklings stays at £9.00 a lesson and adult group lessons stay at £12.00, and the registration fee for new families is not changing.</p>
<p>To soften the rise for bigger families, the discount for brothers and sisters goes up from 10% to 15% off the second and each further child's lessons.</p>
<p>Private lessons already bought in a block of five at the old price can be used at that price until the block runs out. Thank you, as ever, for swimming with us.</p>
<p>Harriet Ashdown</p>
</article>
""", "2026-11-12", '<meta property="article:published_time" content="2026-11-12">'))

pages.append(page("/news/christmas-splash-2026/", "Christmas Splash 2026", """
<article>
<h1>Christmas Splash is back</h1>
<p><time datetime="2026-11-02">2 November 2026</time></p>
<p>Our end-of-year party in the pool returns on Sunday 20 December, from 14:00 to 16:00 in the main pool and the teaching pool at Elderwick Leisure Centre.</p>
<p>There will be the giant inflatable, a floating treasure hunt, relay races for the older stages, and a visit from a very damp Father Christmas, who will be handing out a small present to every child under eight.</p>
<p>Christmas Splash is for Brightwater swimmers and their brothers and sisters. Tickets are £6 a child and must be booked in the booking hub by Friday 11 December. Children who can't swim ten metres on their own need a grown-up in the water with them, and grown-ups in the water go free.</p>
<p>Please arrive by 13:45 so that everyone can be changed and on the poolside for the start, and bring a towel and a bag for wet swimming things.</p>
<p>All the money from tickets, after the pool hire, goes to the Elderwick Lifeboat Appeal. Last year's Splash raised £1,240.</p>
</article>
""", "2026-11-02", '<meta property="article:published_time" content="2026-11-02">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you create an account in the booking hub, we keep the names and dates of birth of your swimmers, your address, phone number and email address, and any medical or additional needs you tell us about, so that we can teach your swimmers safely and contact you about their lessons.</p>
<p>Teachers can see a swimmer's name, stage, progress notes and any medical information on the poolside register. Nobody else outside Brightwater sees it, except the emergency services if a swimmer is taken ill.</p>
<p>We keep swimmer records for as long as you have an account and for three years afterwards. Payment records are kept for six years for tax purposes. Card payments are handled by our payment provider, and we never see or keep your full card number.</p>
<p>We email newsletters only to families who ask for them. We never sell your details or pass them to anyone for their marketing.</p>
<p>The booking hub sets one cookie to keep you signed in. To see or correct what we hold about you, email privacy@brightwaterswim.example.</p>
""", "2026-01-08"))

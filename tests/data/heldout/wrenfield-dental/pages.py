# The pages (hand-written content) of Wrenfield Dental, a family dental practice the project has never seen.
pages.append(page("/", "Family dentist in Hollinsford", """
<h1>A family dental practice in the middle of Hollinsford</h1>
<p class="lead">Wrenfield Dental has looked after the teeth of Hollinsford families since 1994, when Dr Peter Wrenfield opened a two-surgery practice above the old bank on Market Street. Today we have five surgeries, four dentists, two hygienists and a team of nurses and receptionists who know many of our patients by name.</p>
<img src="/images/reception.jpg" alt="The reception and waiting room at Wrenfield Dental, with a children's corner of books and toys">
<h2>What we offer</h2>
<ul>
  <li><a href="/nhs-dentistry/">NHS dentistry</a> for children, and for adults who are already registered with us.</li>
  <li><a href="/private-fees/">Private treatment</a> and our own monthly <a href="/dental-plan/">Wrenfield Plan</a>.</li>
  <li><a href="/hygienist/">Hygienist appointments</a>, which you can book directly.</li>
  <li><a href="/implants/">Dental implants</a> and <a href="/cosmetic/">cosmetic dentistry</a>: whitening, bonding, veneers and clear aligners.</li>
  <li><a href="/children/">Children's dentistry</a>, from the first tooth to the teenage years.</li>
  <li><a href="/emergency/">Same-day emergency appointments</a> every weekday.</li>
  <li>Extra time and care for <a href="/nervous-patients/">nervous patients</a>.</li>
</ul>
<h2>Still a local practice</h2>
<p>We are not part of a corporate group. Dr Eleanor Marsh, who trained here as a young associate, bought the practice from Dr Wrenfield when he retired in 2015, and every decision about how we treat you is made in this building.</p>
<h2>Latest news</h2>
<p>Read about <a href="/news/private-fees-november-2026/">our private fees from November 2026</a> and <a href="/news/christmas-2026/">our Christmas and New Year opening</a>.</p>
""", "2026-11-02"))

pages.append(page("/nhs-dentistry/", "NHS dentistry", """
<h1>NHS dentistry at Wrenfield</h1>
<p>We have held an NHS contract since the practice opened, and around half of our patients are seen on the NHS. NHS treatment covers everything that is clinically needed to keep your mouth, teeth and gums healthy. Cosmetic treatments such as whitening are private only.</p>
<h2>NHS charges in England</h2>
<p>NHS dental charges are set by the government, not by us, and are the same at every NHS practice in England. You pay one charge for each course of treatment, however many visits it takes.</p>
<table>
  <caption>NHS dental charges from April 2025</caption>
  <thead><tr><th>Band</th><th>What it covers</th><th>Charge</th></tr></thead>
  <tbody>
    <tr><td>Urgent treatment</td><td>Assessment and treatment to relieve pain or stop an urgent problem getting worse</td><td>£27.40</td></tr>
    <tr><td>Band 1</td><td>Examination, diagnosis, X-rays, advice, and a scale and polish if clinically needed</td><td>£27.40</td></tr>
    <tr><td>Band 2</td><td>Everything in Band 1, plus fillings, root canal treatment and extractions</td><td>£75.30</td></tr>
    <tr><td>Band 3</td><td>Everything in Bands 1 and 2, plus crowns, dentures and bridges</td><td>£326.70</td></tr>
  </tbody>
</table>
<h2>Who doesn't pay</h2>
<p>NHS dental treatment is free if you are:</p>
<ul>
  <li>under 18, or under 19 and in full-time education;</li>
  <li>pregnant, or have had a baby in the last 12 months (you will need a valid maternity exemption certificate);</li>
  <li>receiving income support, income-based jobseeker's allowance or pension credit guarantee credit, or entitled to an NHS tax credit exemption certificate;</li>
  <li>named on a valid HC2 certificate. An HC3 certificate may cover part of the cost.</li>
</ul>
<p>We will ask to see proof of your exemption. Claiming free treatment you are not entitled to can lead to a penalty charge from the NHS Business Services Authority.</p>
<h2>Joining as an NHS patient</h2>
<p>Our NHS places are limited. See <a href="/new-patients/">new patients</a> for who we can take on at the moment.</p>
""", "2026-04-09"))

pages.append(page("/private-fees/", "Private fees", """
<h1>Private treatment fees</h1>
<p>These are our fees for patients who are seen privately. If you are on the <a href="/dental-plan/">Wrenfield Plan</a>, your check-ups and hygienist visits are already covered and you get a discount on the treatments below. Your dentist will always give you a written treatment plan with the cost before anything is started.</p>
<table>
  <caption>Private fees from January 2026</caption>
  <thead><tr><th>Treatment</th><th>Fee</th></tr></thead>
  <tbody>
    <tr><td>New patient consultation (45 minutes, including X-rays)</td><td>£85</td></tr>
    <tr><td>Routine examination</td><td>£55</td></tr>
    <tr><td>Hygienist appointment (30 minutes)</td><td>£65</td></tr>
    <tr><td>Small X-ray</td><td>£15</td></tr>
    <tr><td>White (composite) filling</td><td>from £120</td></tr>
    <tr><td>Silver (amalgam) filling</td><td>from £95</td></tr>
    <tr><td>Simple extraction</td><td>£140</td></tr>
    <tr><td>Root canal treatment, front tooth</td><td>£395</td></tr>
    <tr><td>Root canal treatment, molar</td><td>£650</td></tr>
    <tr><td>Porcelain crown</td><td>£595</td></tr>
    <tr><td>Home teeth whitening (both arches, with gel)</td><td>£350</td></tr>
    <tr><td>Private emergency appointment</td><td>£85</td></tr>
    <tr><td>IV sedation, per visit</td><td>£295</td></tr>
  </tbody>
</table>
<p>Implant fees are on the <a href="/implants/">implants page</a>, and cosmetic treatment is priced after a consultation.</p>
<h2>Paying</h2>
<p>Private treatment is paid for at the end of each appointment. For larger courses of treatment, see the <a href="/help/">help page</a> for how deposits work, and ask us about spreading the cost of implants.</p>
""", "2026-01-14"))

pages.append(page("/hygienist/", "Hygienist appointments", """
<h1>Seeing the hygienist</h1>
<p>Our hygienists do far more than a scale and polish. They look after the health of your gums, which is where most adult tooth loss starts, and show you how to keep your mouth clean between visits.</p>
<h2>Book directly, no referral needed</h2>
<p>You don't need to see one of our dentists before you see a hygienist. Under direct access, anyone over 18 can book a hygienist appointment with us, whether or not you are registered with the practice. If the hygienist sees anything that needs a dentist, such as a cavity or a broken filling, they will tell you and can book you in.</p>
<h2>What happens at an appointment</h2>
<ul>
  <li>A check of your gums, measuring any pockets where gum has come away from the tooth.</li>
  <li>Removing hard tartar above and below the gum line, using an ultrasonic scaler and hand instruments.</li>
  <li>Airflow polishing to lift tea, coffee and wine stains.</li>
  <li>Advice on brushing, interdental brushes and the right sizes for you, which we can sell you at reception.</li>
</ul>
<h2>How often?</h2>
<p>Most people do well with a visit every six months. If you have gum disease, smoke, or have diabetes, your hygienist may suggest every three months for a while.</p>
<h2>Gum disease</h2>
<p>Bleeding when you brush, bad breath that won't go away, or teeth that feel loose can all be signs of gum disease. It is painless in its early stages, which is why regular visits matter. Treatment for more advanced gum disease is done over two to four longer appointments, often with local anaesthetic so you feel nothing.</p>
<p>Hygienist appointments are available on the NHS when your dentist decides they are clinically needed; otherwise they are private. See our <a href="/private-fees/">private fees</a>.</p>
""", "2026-03-18"))

pages.append(page("/implants/", "Dental implants", """
<h1>Dental implants</h1>
<p>An implant is a small titanium post placed in the jawbone where a tooth is missing. Once the bone has grown around it, we fix a crown, bridge or denture on top. Implants look and feel like your own teeth, don't need the neighbouring teeth to be cut down, and with good care can last for decades.</p>
<h2>Is it right for me?</h2>
<p>Most adults in good general health can have implants. Heavy smokers, people with uncontrolled diabetes and anyone with active gum disease may need other treatment first. Our implant dentist will check the bone with a 3D CBCT scan at your consultation, which costs £95 and includes the scan and a written plan.</p>
<h2>What it costs</h2>
<ul>
  <li>Implant consultation with 3D scan: £95</li>
  <li>Single implant with porcelain crown: from £2,450</li>
  <li>Two implants supporting a three-tooth bridge: from £5,200</li>
  <li>Lower denture clipped onto two implants: from £4,300</li>
  <li>Bone graft, if needed: from £450</li>
</ul>
<p>Implants are not available on the NHS except in rare cases after a hospital referral.</p>
<h2>How long it takes</h2>
<p>The implant is placed under local anaesthetic in an appointment of about an hour. It then needs time to bond with the bone, usually three to six months, before the final crown is fitted. In the meantime we can give you a temporary tooth so there is no gap when you smile.</p>
<h2>Spreading the cost</h2>
<p>For implant treatment over £1,000 you can spread the cost with interest-free finance over 12 months, or over up to 48 months at 9.9% APR, subject to status. Ask our treatment coordinator for a quote.</p>
""", "2026-05-21"))

pages.append(page("/cosmetic/", "Cosmetic dentistry", """
<h1>Cosmetic dentistry</h1>
<p>Small changes can make a big difference to how you feel about your smile. Every cosmetic treatment starts with a 30-minute consultation, where we check your teeth and gums are healthy, talk through what you'd like and show you what can be done.</p>
<h2>Teeth whitening</h2>
<p>We use home whitening with custom-made trays. We take scans of your teeth, make trays that fit you exactly, and you wear them with whitening gel for an hour or two a day. Most people see the result they want in two to three weeks. Whitening works on natural teeth only; crowns and fillings stay the colour they are. By law, whitening can only be carried out by a dentist or on a dentist's prescription.</p>
<h2>Composite bonding</h2>
<p>Tooth-coloured resin is shaped onto the teeth to close small gaps, repair chips or even out worn edges. It is done in one visit, usually without an injection, and nothing is drilled away.</p>
<h2>Porcelain veneers</h2>
<p>Thin shells of porcelain bonded to the front of the teeth, for bigger changes of shape or colour. Veneers need two visits about two weeks apart.</p>
<h2>Clear aligners</h2>
<p>If your teeth are crowded or crooked, clear aligners can straighten them without metal brackets or wires. You wear a series of thin, almost invisible plastic aligners, changing to a new set every one or two weeks, for between four and twelve months. Afterwards you wear a retainer at night to keep your teeth in place. Aligner treatment is for adults and is carried out by Dr Eleanor Marsh.</p>
<h2>Before you decide</h2>
<p>Cosmetic treatments are private only. Prices depend on how many teeth are involved, so we give you a written quote at your consultation, and you are never asked to decide on the day.</p>
""", "2026-06-03"))

pages.append(page("/children/", "Children's dentistry", """
<h1>Children's dentistry</h1>
<p>We love seeing children at Wrenfield. NHS dental treatment is free for under-18s, and we are always happy to register children even when our adult NHS list is closed.</p>
<h2>The first visit</h2>
<p>Bring your baby to see us by their first birthday, or when the first tooth appears if that is sooner. The first visits are mostly about getting used to the chair, the lights and the people, and giving you advice on brushing, teething and drinks. Children can sit on a parent's lap for their check-up.</p>
<h2>Keeping teeth strong</h2>
<ul>
  <li><strong>Fluoride varnish</strong>: painted onto the teeth twice a year from the age of three, to help prevent decay.</li>
  <li><strong>Fissure sealants</strong>: a thin protective coating on the biting surfaces of the adult back teeth, usually when they come through at about six and twelve years old.</li>
  <li><strong>Diet advice</strong>: sugary drinks and snacks between meals are the main cause of decay in children. Water and milk are the best drinks.</li>
</ul>
<h2>Brushing tips</h2>
<ul>
  <li>Brush twice a day, last thing at night and one other time.</li>
  <li>Under-threes need a smear of toothpaste with at least 1,000ppm fluoride; from three to six, a pea-sized amount with more than 1,000ppm.</li>
  <li>Spit, don't rinse, so the fluoride stays on the teeth.</li>
  <li>Help with brushing until at least seven years old.</li>
</ul>
<h2>Appointments after school</h2>
<p>We keep appointments after 15:30 for school-age children, and these go quickly, so book your child's next check-up before you leave. Every child who sits in the chair leaves with a sticker and a new toothbrush.</p>
""", "2026-02-25"))

pages.append(page("/dental-plan/", "The Wrenfield Plan", """
<h1>The Wrenfield Plan</h1>
<p>The Wrenfield Plan is our own way of paying for private dental care. Instead of paying for check-ups and hygienist visits as you go, you pay a fixed amount each month by direct debit, and get a discount on any treatment you need.</p>
<table>
  <caption>Wrenfield Plan options</caption>
  <thead><tr><th>Plan</th><th>Monthly fee</th><th>What's included</th><th>Discount on treatment</th></tr></thead>
  <tbody>
    <tr><td>Hygiene</td><td>£9.95</td><td>Two hygienist appointments a year</td><td>None</td></tr>
    <tr><td>Essential</td><td>£14.50</td><td>Two examinations and one hygienist appointment a year, routine X-rays</td><td>5%</td></tr>
    <tr><td>Complete</td><td>£21.75</td><td>Two examinations and two hygienist appointments a year, routine X-rays, emergency appointments during opening hours</td><td>10%</td></tr>
  </tbody>
</table>
<h2>Joining</h2>
<p>To join the Essential or Complete plan you need a new patient consultation first, so the dentist can check that your mouth is healthy. If you need treatment before you join, we will do that first at our normal <a href="/private-fees/">private fees</a>. The Hygiene plan can be joined straight away.</p>
<h2>Things to know</h2>
<ul>
  <li>The plan renews every month; you can leave at any time with one month's notice.</li>
  <li>Check-ups and hygienist visits you don't use in a year do not carry over.</li>
  <li>The discount does not apply to implants, cosmetic treatment or lab fees.</li>
  <li>If you move away, simply cancel your direct debit and let us know.</li>
</ul>
<p>Children of Complete plan members are seen free on the NHS until they are 18, so there is no children's plan.</p>
""", "2026-03-02"))

pages.append(page("/emergency/", "Emergency appointments", """
<h1>Dental emergencies</h1>
<p>Toothache, a broken tooth, a lost crown or a swollen face can't wait for your next check-up. We keep emergency slots free in every dentist's diary every weekday and on Saturdays, for our own patients and for people who aren't registered with us.</p>
<h2>What to do</h2>
<ol>
  <li>Ring 01632 960 318 from 8:00. Please call rather than email, as emails are not read until later in the day.</li>
  <li>Tell the receptionist what has happened and how much pain you are in.</li>
  <li>If a slot is free we will give you a same-day appointment; if they have all gone, we will book you in for the next morning.</li>
</ol>
<h2>What it costs</h2>
<ul>
  <li>NHS patients: the NHS urgent treatment charge, unless you are exempt.</li>
  <li>Private patients and people who aren't registered: £85 for the emergency appointment, which covers the examination, any X-rays and pain relief such as a temporary filling. Further treatment is charged separately.</li>
  <li>Complete plan members: emergency appointments during opening hours are included.</li>
</ul>
<h2>When we are closed</h2>
<p>Outside our opening hours, ring NHS 111, who can book you into the urgent dental service for the area. Go straight to A&amp;E if you have swelling that is affecting your breathing or swallowing or spreading to your eye, or heavy bleeding that won't stop.</p>
<h2>Knocked-out adult tooth</h2>
<p>Hold it by the crown, not the root. Rinse it briefly in milk if it is dirty, and push it back into the socket if you can. If not, keep it in milk and get to a dentist within an hour.</p>
""", "2026-05-06"))

pages.append(page("/nervous-patients/", "Nervous patients", """
<h1>Nervous about the dentist?</h1>
<p>You are far from alone. About one in three of our new patients tells us they are anxious, and some haven't been near a dentist for many years. Nobody here will judge you for the state of your teeth or for how long it has been.</p>
<h2>Calm Start appointments</h2>
<p>If you are very nervous, book a Calm Start appointment. It is 30 minutes in a quiet room, not the surgery, with one of our dentists and a nurse. We just talk: about what worries you, what has happened before, and what would help. Nobody looks in your mouth unless you want them to. Calm Start appointments are free.</p>
<h2>During treatment</h2>
<ul>
  <li>We agree a stop signal before we start, usually raising your left hand, and we stop as soon as you use it.</li>
  <li>You can bring your own headphones and listen to music or a podcast.</li>
  <li>We explain each step before we do it, and we can book longer appointments so nobody is rushed.</li>
  <li>Our numbing gel goes on before any injection, and we use a slow computer-controlled injection system that most people barely feel.</li>
</ul>
<h2>IV sedation</h2>
<p>For longer treatment or for people who can't face treatment awake, Dr Callum Reid offers IV sedation. A small cannula in the back of your hand gives you a sedative that leaves you deeply relaxed and drowsy, and most people remember little afterwards. IV sedation costs £295 per visit on top of the treatment.</p>
<p>After sedation you need an adult to take you home and stay with you for the rest of the day, and you mustn't drive, work or sign anything important until the next day. You should have nothing to eat for two hours beforehand.</p>
""", "2026-04-22"))

pages.append(page("/new-patients/", "New patients", """
<h1>Joining Wrenfield Dental</h1>
<p>We are welcoming new patients. Whether you are new to Hollinsford or haven't seen a dentist for a while, here is how to join.</p>
<h2>NHS or private?</h2>
<p>Our NHS list is open to children under 18. We are not able to take on new adult NHS patients at the moment, but adults are welcome to join as private patients or on the <a href="/dental-plan/">Wrenfield Plan</a>. If you were registered with us as an NHS patient and have not been seen for more than two years, ring us and we will check whether we can still see you on the NHS.</p>
<h2>How to register</h2>
<ol>
  <li>Ring reception on 01632 960 318, or use the booking form on this site.</li>
  <li>We will email you a medical history form and a link to our online patient forms. Please fill them in at least a day before your appointment.</li>
  <li>Bring a list of any medicines you take, and your exemption certificate if you get free NHS treatment.</li>
</ol>
<h2>Your first appointment</h2>
<p>A new patient consultation takes 45 minutes. Your dentist will ask about your health and any concerns, check your teeth, gums, bite and the soft tissues of your mouth for signs of mouth cancer, and take any X-rays needed. Afterwards you get a written treatment plan with the costs. Private new patient consultations are £85; for children it is an ordinary free NHS check-up.</p>
<h2>Moving from another practice?</h2>
<p>We can ask your old dentist for your X-rays and notes, with your permission. It helps to tell us the name of your previous practice when you register.</p>
""", "2026-07-09"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <thead><tr><th>Day</th><th>Practice open</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>8:00 to 17:30</td></tr>
    <tr><td>Tuesday</td><td>8:00 to 17:30</td></tr>
    <tr><td>Wednesday</td><td>8:00 to 19:30</td></tr>
    <tr><td>Thursday</td><td>8:00 to 17:30</td></tr>
    <tr><td>Friday</td><td>8:00 to 16:00</td></tr>
    <tr><td>Saturday</td><td>9:00 to 13:00</td></tr>
    <tr><td>Sunday</td><td>Closed</td></tr>
  </tbody>
</table>
<p>The phone lines open at 8:00 on weekdays and 9:00 on Saturdays, and close fifteen minutes before the practice. On Wednesday evenings after 17:30 and on Saturdays, appointments are for private and Wrenfield Plan patients and emergencies only.</p>
<h2>Bank holidays</h2>
<p>We are closed on bank holidays. Our opening over Christmas and New Year is posted in our <a href="/news/christmas-2026/">news</a> each December. When we are closed, ring NHS 111 for urgent dental help.</p>
<h2>Lunchtime</h2>
<p>Reception stays open over lunch, but the surgeries close from 13:00 to 14:00 on weekdays, so we can't offer appointments at that time.</p>
<h2>Booking</h2>
<p>You can book, move or cancel appointments by phone during opening hours, or send a request through the online booking form at any time and reception will call you back the next working day to confirm a time.</p>
""", "2026-01-20"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding Wrenfield Dental</h1>
<p>We are at 14 Market Street, Hollinsford HF2 4DL, opposite Hollinsford Library and three doors up from the post office. Ring reception on 01632 960 318 or email hello@wrenfielddental.example.</p>
<h2>Parking</h2>
<p>Market Street is pedestrianised, so there is no parking outside. The nearest car park is the Sheep Street car park, a two-minute walk away, which is pay and display. There are two disabled bays in Mill Yard, behind the practice.</p>
<img src="/images/side-entrance.jpg" alt="The step-free side entrance from Mill Yard, with a ramp and a doorbell at wheelchair height; two of our surgeries are on the ground floor">
<h2>By bus and train</h2>
<p>Buses 12 and 14 stop on Bridge Street, a three-minute walk away. Hollinsford station is about ten minutes on foot: turn left out of the station, follow Station Road to the clock tower, and Market Street is the second turning on the right.</p>
<h2>Inside</h2>
<p>Reception and the waiting room are on the ground floor. Our other three surgeries are on the first floor, reached by stairs; please tell us when you book if stairs are difficult for you, and we will see you downstairs.</p>
""", "2026-02-11"))

pages.append(page("/team/", "Our team", """
<h1>Our team</h1>
<h2>Dentists</h2>
<ul>
  <li><strong>Dr Eleanor Marsh</strong>, principal dentist and owner. Eleanor qualified from Bristol in 1999 and joined Wrenfield in 2003. She does general and cosmetic dentistry and provides our clear aligner treatment.</li>
  <li><strong>Dr Tomasz Nowak</strong>, implant dentist. Tomasz has a master's degree in implant dentistry and places all of the practice's implants, as well as seeing general patients.</li>
  <li><strong>Dr Aisha Rahman</strong>, associate dentist. Aisha has a special interest in children's dentistry and sees most of our youngest patients. Parents say she could get anyone to open wide.</li>
  <li><strong>Dr Callum Reid</strong>, associate dentist. Callum is trained in IV sedation and looks after many of our nervous patients.</li>
</ul>
<h2>Hygiene team</h2>
<ul>
  <li><strong>Megan Hale</strong>, dental hygienist, with the practice since 2011.</li>
  <li><strong>Rosie Clarke</strong>, dental hygienist and therapist. As a therapist, Rosie can also do simple fillings for children and adults on a dentist's prescription.</li>
</ul>
<h2>Nurses and reception</h2>
<ul>
  <li><strong>Sam Okafor</strong>, lead dental nurse and treatment coordinator. Sam talks implant and cosmetic patients through their options and costs.</li>
  <li><strong>Hannah Doyle</strong>, <strong>Kerry Watts</strong> and <strong>Ben Ashworth</strong>, dental nurses.</li>
  <li><strong>Lucy Barnes</strong> and <strong>Gail Stevens</strong>, receptionists, who will answer the phone when you ring.</li>
</ul>
<h2>Practice manager</h2>
<p><strong>Joanne Pike</strong> runs the practice day to day, from the rota to the Wrenfield Plan. If you have feedback or a complaint, Joanne is the person to speak to.</p>
<p>Every one of our clinical team is registered with the General Dental Council and keeps up their training every year.</p>
""", "2026-08-12"))

pages.append(page("/help/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>What if I can't make my appointment?</summary><p>Please let us know at least 24 hours before, by phone or by replying to your reminder text, so we can offer the time to someone else. Private patients who miss an appointment without notice may be charged a fee, and NHS patients who miss two appointments in a row may be asked to find another practice.</p></details>
<details><summary>Will I get a reminder?</summary><p>Yes, we send a text two days before your appointment and an email when you book. Make sure we have your current mobile number.</p></details>
<details><summary>Do I have to pay for a whole course of treatment up front?</summary><p>No. Private treatment is paid appointment by appointment. For courses of treatment costing more than £1,000, we ask for a 25% deposit when you book, and the rest as the treatment goes on.</p></details>
<details><summary>How can I pay?</summary><p>At reception, by cash or by debit or credit card, including contactless. Wrenfield Plan fees are paid by monthly direct debit.</p></details>
<details><summary>Is there a hearing loop?</summary><p>Yes, there is a hearing loop at reception. Let us know if you'd like us to write things down for you, or if you need a British Sign Language interpreter, which we can book for your appointment.</p></details>
<details><summary>Can I get copies of my X-rays and records?</summary><p>Yes. Ask at reception or email us. We send copies of your X-rays and notes to you or to another dentist free of charge, usually within two weeks.</p></details>
<details><summary>How often do I need a check-up?</summary><p>It depends on your mouth. Your dentist will recommend a gap of anything from three months to two years, based on your risk of decay and gum disease.</p></details>
<details><summary>Can I bring my children to my own appointment?</summary><p>Yes, if they can sit quietly with a book in the surgery, or with an adult in the waiting room. Please don't leave children alone in the waiting room.</p></details>
""", "2026-06-17"))

pages.append(page("/news/private-fees-november-2026/", "Our private fees from 1 November 2026", """
<article>
<h1>Our private fees from 1 November 2026</h1>
<p><time datetime="2026-10-20">20 October 2026</time></p>
<p>We try hard to keep our private fees steady, but the cost of materials, laboratory work and staff wages has gone up again this year. From 1 November 2026, two of our everyday private fees will change:</p>
<ul>
  <li>A routine examination will be £60 (it was £55).</li>
  <li>A 30-minute hygienist appointment will be £72 (it was £65).</li>
</ul>
<p>All our other private fees stay as they are for now, and Wrenfield Plan monthly fees are not changing. If you are part-way through a course of treatment, you will pay the price on your written treatment plan.</p>
<p>We know nobody likes a price rise. If you see the hygienist twice a year, joining the Hygiene plan of the Wrenfield Plan may now work out cheaper than paying as you go; ask at reception and we will go through the numbers with you.</p>
<p>NHS charges are set by the government and are not affected. Thank you for your understanding, and for choosing a local, independent practice.</p>
<p>Joanne Pike, practice manager</p>
</article>
""", "2026-10-20", '<meta property="article:published_time" content="2026-10-20">'))

pages.append(page("/news/christmas-2026/", "Christmas and New Year opening", """
<article>
<h1>Christmas and New Year opening 2026</h1>
<p><time datetime="2026-11-24">24 November 2026</time></p>
<p>The practice will close at 13:00 on Thursday 24 December and will be closed on Christmas Day, Boxing Day and the weekend that follows.</p>
<p>Between Christmas and New Year we will be open on 29 and 30 December, from 9:00 to 13:00, for emergency appointments only. Please ring 01632 960 318 from 9:00 on those days if you are in pain. There will be no check-ups or hygienist appointments that week.</p>
<p>We are closed on Thursday 31 December and on New Year's Day, and open as normal from Monday 4 January 2027. Whenever we are closed, NHS 111 can help you find urgent dental care.</p>
<p>If you have a check-up due in late December, we will be in touch to move it into January, and the first week of January tends to fill quickly, so please book early.</p>
<p>Thinking of a stocking filler? Electric toothbrushes and interdental brush packs are on sale at reception throughout December.</p>
<p>From all of us at Wrenfield Dental, have a happy and healthy Christmas.</p>
</article>
""", "2026-11-24", '<meta property="article:published_time" content="2026-11-24">'))

pages.append(page("/privacy/", "Privacy and cookies", """
<h1>Privacy and cookies</h1>
<p>To look after your teeth safely we keep your name, date of birth, address, contact details, medical history, dental notes, X-rays, scans and photographs, and a record of the treatment and payments you have had. We keep this information because we need it to give you care, and for NHS patients because we are required to by our NHS contract.</p>
<p>Dental records are kept for at least 11 years after your last visit, or for children until they are 25, whichever is longer. Payment records are kept for six years for tax purposes.</p>
<p>We share your information only when we need to: with a specialist or hospital we refer you to, with the dental laboratory making your crown or aligners, with the NHS Business Services Authority for NHS claims, and with our direct debit provider if you are on the Wrenfield Plan. We never sell your details or use them for anyone else's marketing.</p>
<p>This website sets one cookie, which remembers what you have typed into the online booking form. We send appointment reminders by text and email; newsletters only if you ask for them.</p>
<p>You can ask to see or correct the information we hold about you by writing to Joanne Pike, our data protection lead, at the practice, or by emailing privacy@wrenfielddental.example.</p>
""", "2026-01-08"))

# The pages (hand-written content) of Ashcombe Physio, a physiotherapy and sports-massage clinic the project has never seen.
pages.append(page("/", "Physiotherapy, sports massage and Pilates in Hartsmere", """
<h1>Physiotherapy and sports massage in the middle of Hartsmere</h1>
<p class="lead">Ashcombe Physio has been helping Hartsmere get moving again since 2011, when Joanna Mellor left the hospital outpatients department and opened two treatment rooms above a shoe shop. We moved into Ashcombe House on Malthouse Lane in 2016, and we now have four treatment rooms, a rehab gym and a studio for our Pilates classes.</p>
<h2>How we can help</h2>
<ul>
  <li><a href="/physiotherapy/">Physiotherapy</a> for back and neck pain, joint problems, sports injuries and recovery after surgery.</li>
  <li><a href="/sports-massage/">Sports massage</a> for runners, cyclists, rugby players and anyone whose muscles are working hard, including people who sit at a desk all day.</li>
  <li><a href="/classes/">Pilates and rehab classes</a> in small groups, all taught by our physiotherapists.</li>
  <li><a href="/acupuncture/">Acupuncture and dry needling</a> as part of your treatment.</li>
  <li><a href="/home-visits/">Home visits</a> for people who can't easily get to the clinic.</li>
</ul>
<h2>Why people choose us</h2>
<p>Every appointment is one to one with the same clinician from start to finish, and your first appointment lasts long enough for a proper assessment and some treatment on the day. We are independent and not part of a chain, and we would rather teach you to manage your own problem than keep you coming back.</p>
<p>You don't need to see your GP first. Most new patients are seen within two working days, and there are early morning, evening and Saturday appointments for people who work.</p>
<h2>Latest news</h2>
<p>Our <a href="/news/new-prices-2026/">prices and cancellation policy have changed</a>, and we are the official physio partner of the <a href="/news/hartsmere-10k-2026/">Hartsmere 10K</a> again this year.</p>
""", "2026-10-05"))

pages.append(page("/physiotherapy/", "Physiotherapy", """
<h1>Physiotherapy</h1>
<p>Physiotherapy is about finding out why something hurts or doesn't work properly, and then getting it moving and strong again. Our physiotherapists are all registered with the Health and Care Professions Council (HCPC), and between them they have more than sixty years of experience in the NHS, in professional sport and in private practice.</p>
<h2>What happens in a session</h2>
<p>At your first appointment your physiotherapist will ask about the problem, your health and what you want to get back to doing, and then examine how you move. By the end of it you will have an explanation of what is going on, a plan, and usually some treatment as well.</p>
<p>Treatment is a mix of what works for you, which may include:</p>
<ul>
  <li>hands-on treatment: joint mobilisation, soft tissue work and massage;</li>
  <li>exercises, shown to you in the clinic and then sent to your phone through the Physitrack app, with videos;</li>
  <li><a href="/acupuncture/">acupuncture or dry needling</a>;</li>
  <li>taping and advice on posture, work and sport;</li>
  <li>sessions in our rehab gym, with a bike, a rowing machine, weights and a treadmill with video gait analysis for runners.</li>
</ul>
<h2>How many appointments will I need?</h2>
<p>It depends on the problem, but most people need between three and six. Some need only one or two, with exercises to carry on at home. We will tell you at the first appointment what we expect, and we will never book you in for a course of treatment you don't need.</p>
<h2>Video appointments</h2>
<p>Follow-up appointments can be held by video if you can't get to the clinic, and they cost the same as a follow-up in person. First appointments are almost always better face to face.</p>
<p>See <a href="/what-we-treat/">what we treat</a>, our <a href="/prices/">prices</a>, or <a href="/booking/">book an appointment</a>.</p>
""", "2026-04-20"))

pages.append(page("/sports-massage/", "Sports massage", """
<h1>Sports massage</h1>
<p>Sports massage is a firm, purposeful massage aimed at the muscles you use hardest. It eases tightness and soreness, helps you recover between training sessions and lets us spot a niggle before it becomes an injury. You don't have to be an athlete: desk workers with stiff shoulders, gardeners, parents lifting toddlers and people on their feet all day book it too.</p>
<h2>Which kind?</h2>
<ul>
  <li><strong>Maintenance massage</strong>, for regular training. If you are preparing for a marathon or a long sportive, we suggest a massage every two to three weeks while your mileage is building.</li>
  <li><strong>Pre-event massage</strong>, lighter and quicker, two to four days before a race. We don't recommend a deep massage the day before.</li>
  <li><strong>Post-event massage</strong>, gentle work to help you recover, from two days after the event.</li>
</ul>
<h2>Will it hurt?</h2>
<p>It should feel firm and sometimes uncomfortable, but never more than about 7 out of 10. Tell your therapist if it's too much and they will ease off. You may feel a little sore for a day or two afterwards, the way you might after a hard training session.</p>
<h2>What to wear</h2>
<p>Shorts, and a sports top or vest. You will be covered with towels throughout, apart from the area being worked on.</p>
<h2>Running club partner</h2>
<p>We are the physio and massage partner of the Hartsmere Harriers running club, and members get a 10% discount on sports massage. Show your membership card at reception.</p>
<p>Sessions are 30, 45 or 60 minutes. See our <a href="/prices/">prices</a>, or <a href="/booking/">book online</a>.</p>
""", "2026-06-02"))

pages.append(page("/prices/", "Prices", """
<h1>Prices</h1>
<p>Our prices include everything that happens in the appointment: assessment, hands-on treatment, acupuncture if it is part of your plan, taping and your exercise programme on the app. There are no hidden extras.</p>
<h2>Physiotherapy and massage</h2>
<table>
  <caption>Prices for self-paying patients</caption>
  <thead><tr><th>Appointment</th><th>Length</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Initial physiotherapy assessment and treatment</td><td>50 minutes</td><td>£68</td></tr>
    <tr><td>Follow-up physiotherapy</td><td>30 minutes</td><td>£52</td></tr>
    <tr><td>Women's health initial assessment</td><td>60 minutes</td><td>£82</td></tr>
    <tr><td>Women's health follow-up</td><td>45 minutes</td><td>£66</td></tr>
    <tr><td>Acupuncture on its own (for existing patients)</td><td>30 minutes</td><td>£46</td></tr>
    <tr><td>Sports massage</td><td>30 minutes</td><td>£38</td></tr>
    <tr><td>Sports massage</td><td>45 minutes</td><td>£50</td></tr>
    <tr><td>Sports massage</td><td>60 minutes</td><td>£60</td></tr>
  </tbody>
</table>
<p>Members of the Hartsmere Harriers get a 10% discount on sports massage. <a href="/home-visits/">Home visits</a> and <a href="/classes/">Pilates classes</a> have their own prices on their pages.</p>
<h2>Paying</h2>
<p>You pay at reception at the end of each appointment, and we email you a receipt. If you are claiming on health insurance, see <a href="/insurance/">paying and insurance</a>.</p>
<h2>Cancellations</h2>
<p>If you need to cancel or move an appointment, please give us at least 24 hours' notice, so we can offer the time to someone on the waiting list. If you cancel with less notice, or don't come, we charge the full fee. We will always waive it the first time, and if you are genuinely ill, please call us.</p>
""", "2026-02-16"))

pages.append(page("/classes/", "Pilates and rehab classes", """
<h1>Pilates and rehab classes</h1>
<p>Our classes are held in the studio on the first floor of Ashcombe House and are all taught by our own physiotherapists, so they know how to adapt every exercise if you have a bad back, a new hip or a baby on your hip. Classes are kept to a maximum of eight people, and mats, bands and balls are provided.</p>
<h2>Timetable</h2>
<table>
  <caption>Weekly classes, all year except Christmas week and bank holidays</caption>
  <thead><tr><th>Class</th><th>Day</th><th>Time</th><th>Who it's for</th></tr></thead>
  <tbody>
    <tr><td>Beginners' Pilates</td><td>Monday</td><td>18:30 to 19:25</td><td>New to Pilates, or returning after a break</td></tr>
    <tr><td>Intermediate Pilates</td><td>Monday</td><td>19:35 to 20:30</td><td>At least a term of Pilates behind you</td></tr>
    <tr><td>Postnatal Pilates</td><td>Wednesday</td><td>10:00 to 10:55</td><td>From six weeks after birth; babies welcome on the mat</td></tr>
    <tr><td>Back Care</td><td>Wednesday</td><td>18:45 to 19:40</td><td>Long-standing or recurring back pain</td></tr>
    <tr><td>Knee and Hip Strength</td><td>Thursday</td><td>11:00 to 11:55</td><td>Arthritis, or after a hip or knee replacement</td></tr>
    <tr><td>Intermediate Pilates</td><td>Saturday</td><td>9:00 to 9:55</td><td>At least a term of Pilates behind you</td></tr>
  </tbody>
</table>
<h2>Class prices</h2>
<table>
  <thead><tr><th>Option</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Single class, if there is a space</td><td>£14</td></tr>
    <tr><td>Block of six classes, to use within eight weeks</td><td>£72</td></tr>
    <tr><td>Postnatal Pilates, single class</td><td>£12</td></tr>
  </tbody>
</table>
<h2>Before your first class</h2>
<p>If you haven't been treated here before, we ask you to book a 30-minute Pilates starter session with one of the physiotherapists first, for £35. We will check that classes are right for you, teach you the basics and suggest which class to join. After a baby, please wait until your six-week check with your GP before your starter session.</p>
""", "2026-08-24"))

pages.append(page("/what-we-treat/", "What we treat", """
<h1>What we treat</h1>
<p>If it involves muscles, joints, tendons or nerves, there's a good chance we can help. These are the problems we see most often.</p>
<h2>Back and neck pain</h2>
<p>The commonest reason people come to us. Most back pain is not serious and gets better, and the right exercises and advice make it get better faster. People with back pain that keeps coming back often do well in our <a href="/classes/">Back Care class</a>.</p>
<h2>Sprains and strains</h2>
<p>Sprained ankles, pulled hamstrings, calf strains and twisted knees. For a fresh sprain, protect it and keep it moving gently for the first couple of days, then it is worth being seen in the first week, because early exercise gets you back to sport sooner and lowers the chance of spraining it again.</p>
<h2>Running and sports injuries</h2>
<p>Shin pain, runner's knee, Achilles and plantar heel pain, hip and groin problems, and shoulder injuries from swimming, tennis and rugby. Our treadmill with video gait analysis helps us see what happens when you run.</p>
<h2>Joints and arthritis</h2>
<p>Knee and hip arthritis, frozen shoulder, tennis and golfer's elbow, and stiff, painful hands.</p>
<h2>Before and after surgery</h2>
<p>Rehabilitation after hip and knee replacements, knee ligament reconstruction, shoulder surgery and broken bones. If getting to the clinic is hard after an operation, we can <a href="/home-visits/">come to you</a>.</p>
<h2>Pregnancy and after birth</h2>
<p>Nadia Kowalczyk, our women's health physiotherapist, sees women with pelvic girdle pain in pregnancy, back pain after birth, tummy muscle separation and bladder weakness.</p>
<h2>When to see a doctor instead</h2>
<p>If you have back pain with numbness around your bottom or genitals, or new problems passing urine, go to A&amp;E straight away. If we think something needs a doctor, we'll tell you.</p>
""", "2026-03-11"))

pages.append(page("/home-visits/", "Home visits", """
<h1>Home visits</h1>
<p>For some people, getting to a clinic is the hardest part of getting better. If you have just come home from hospital, are recovering from a joint replacement, have had a fall, or live with a condition that makes going out difficult, one of our physiotherapists can come to you.</p>
<h2>What a home visit involves</h2>
<p>A home visit is much like an appointment at the clinic: an assessment, treatment and exercises that fit your home and your day. We also look at how you manage the stairs, getting in and out of bed and chairs, and getting around the house, and we can suggest equipment or small changes that make life safer.</p>
<p>We are happy for a relative or carer to be there, and we can send a short report to your GP or consultant if you'd like us to.</p>
<h2>Where and when</h2>
<p>We visit homes within eight miles of the clinic, which includes Sallowby, Netherfold, Kingsholt and Upper Brayton as well as all of Hartsmere. Home visits are on Tuesday and Thursday afternoons.</p>
<h2>Cost</h2>
<p>The first home visit costs £95 and lasts about an hour. Follow-up home visits cost £78. Travel is included in these prices.</p>
<p>To arrange a home visit, please phone reception rather than booking online, so we can ask a few questions first. A relative can book on your behalf.</p>
""", "2026-05-19"))

pages.append(page("/insurance/", "Paying and insurance", """
<h1>Paying and insurance</h1>
<p>Most of our patients pay for themselves, but many come to us through health insurance, either their own or a policy from work.</p>
<h2>Health insurance</h2>
<p>We are recognised by Bupa, AXA Health, Aviva, Vitality and WPA, and we send the bill to them directly, so there is nothing for you to pay apart from any excess on your policy.</p>
<ol>
  <li>Ring your insurer before your first appointment and ask them to authorise physiotherapy. They will give you an authorisation number and tell you how many sessions they will pay for.</li>
  <li>Give us your insurer, policy number and authorisation number when you book.</li>
  <li>If your policy has an excess, you pay that to us at your first appointment.</li>
</ol>
<p>Some policies ask for a referral from your GP before they will pay, even though we don't need one ourselves. If your insurer turns down a claim, you are responsible for the fees, so please check your cover before you come.</p>
<h2>Other insurers</h2>
<p>If your insurer isn't listed, you can still come to us: pay for each appointment yourself, and send the receipts to your insurer.</p>
<h2>Health cash plans</h2>
<p>Cash plans such as Simplyhealth, Medicash and Westfield Health, which many employers offer, work differently. You pay us at each appointment and then claim the cost back from your plan, using the receipt we email you. Our clinicians' HCPC registration numbers are on every receipt, which most plans ask for.</p>
<h2>Solicitors and injury claims</h2>
<p>We treat people who are claiming after an accident, but we ask that your solicitor or case manager agrees to pay our fees in writing before your first appointment.</p>
""", "2026-01-28"))

pages.append(page("/first-appointment/", "Your first appointment", """
<h1>Your first appointment</h1>
<p>Coming to a physiotherapist for the first time can feel a bit daunting. Here is what to expect.</p>
<h2>Before you come</h2>
<p>When you book, we email you a short health questionnaire. Please fill it in before your appointment so that your physiotherapist can read it beforehand and you get more time for treatment. If you take regular medicines, bring a list of them, and bring any letters or scan reports you have about the problem.</p>
<h2>What to wear</h2>
<p>Your physiotherapist will need to see and examine the area that hurts, so wear or bring loose clothes: shorts for a problem with your back, hip, knee or foot, and a vest top or sports top for a neck or shoulder problem. There is a changing room at the clinic. If you would prefer to stay covered, just say so and we will work around it.</p>
<h2>When you arrive</h2>
<p>Please arrive five minutes early. Reception is on the ground floor, and there is water and a coffee machine in the waiting room. If you are late we will still see you, but we may need to finish at the usual time.</p>
<h2>During the appointment</h2>
<p>The first appointment lasts 50 minutes. About half of it is spent talking and examining, and the rest on treatment and showing you your first exercises. You can stop or ask questions at any point, and you are welcome to bring someone with you.</p>
<h2>Afterwards</h2>
<p>Your exercises will arrive on your phone through the Physitrack app the same day. You may feel a little sore for a day after the first session; that is normal and settles quickly.</p>
""", "2025-11-03"))

pages.append(page("/booking/", "Booking an appointment", """
<h1>Booking an appointment</h1>
<p>You don't need a referral from your GP to see us. Just get in touch and we will find you a time; most new patients are seen within two working days, and we keep some appointments free each day for new injuries.</p>
<h2>Three ways to book</h2>
<ul>
  <li><strong>Online</strong>, at any time of day, through our patient portal. You can choose your clinician and see every free appointment for the next six weeks.</li>
  <li><strong>By phone</strong> on 01632 960 574, during reception hours (see <a href="/opening-hours/">opening times</a>). Out of hours, leave a message and we'll ring you back the next working day.</li>
  <li><strong>By email</strong> to hello@ashcombephysio.example, telling us what the problem is and when you can come.</li>
</ul>
<h2>Which appointment should I book?</h2>
<p>If you are new to us, or coming back with a new problem after more than six months, book an initial assessment. For pregnancy, postnatal or pelvic health problems, book a women's health initial assessment. If you just want a massage, book sports massage; if the massage therapist thinks you need a physiotherapist, they will tell you.</p>
<h2>Insurance patients</h2>
<p>Please book by phone or email, not online, and have your authorisation number ready. See <a href="/insurance/">paying and insurance</a>.</p>
<h2>Reminders</h2>
<p>We send a text reminder two days before every appointment. To cancel or move an appointment, use the link in the reminder, sign in to the portal or call reception. Our <a href="/prices/">cancellation policy</a> is on the prices page.</p>
""", "2026-07-07"))

pages.append(page("/team/", "Our team", """
<h1>Our team</h1>
<section>
<h3>Joanna Mellor, clinical director and physiotherapist</h3>
<p>Joanna founded Ashcombe Physio in 2011 after twelve years as a physiotherapist in the NHS, the last five as a clinical lead in outpatients. She treats mainly shoulders and sports injuries, and still works in the clinic four days a week.</p>
</section>
<section>
<h3>Mark Tulley, senior physiotherapist</h3>
<p>Mark specialises in back and neck pain and uses acupuncture and dry needling more than anyone else here. He runs our Back Care class and the Monday evening Pilates classes.</p>
</section>
<section>
<h3>Nadia Kowalczyk, women's health physiotherapist</h3>
<p>Nadia sees women during pregnancy and after birth, and people of any age with pelvic and bladder problems. She teaches Postnatal Pilates on Wednesday mornings.</p>
</section>
<section>
<h3>Rhian Danby, physiotherapist</h3>
<p>Rhian came to us from the orthopaedic wards at the hospital, and she looks after most of our patients recovering from joint replacements and fractures. She does most of our home visits and teaches the Knee and Hip Strength class.</p>
</section>
<section>
<h3>Lewis Blackwood, sports massage therapist</h3>
<p>Lewis holds a Level 5 diploma in sports massage and has looked after the players at Hartsmere Rugby Club for six seasons. He gives most of our sports massages, and he's a Harrier himself.</p>
</section>
<section>
<h3>Bev Thornley and Carys Penhale, reception</h3>
<p>Bev and Carys answer the phone, book your appointments and sort out insurance claims. If you have a question, they're the best place to start.</p>
</section>
<p>Each spring we also welcome sports therapy students from Hartsmere College on placement; they will always ask whether you mind them sitting in.</p>
""", "2026-09-01"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <caption>Clinic appointments</caption>
  <thead><tr><th>Day</th><th>First and last appointments</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>7:30 to 20:30</td></tr>
    <tr><td>Tuesday</td><td>8:00 to 18:00</td></tr>
    <tr><td>Wednesday</td><td>7:30 to 20:30</td></tr>
    <tr><td>Thursday</td><td>8:00 to 20:00</td></tr>
    <tr><td>Friday</td><td>8:00 to 17:00</td></tr>
    <tr><td>Saturday</td><td>8:30 to 13:00</td></tr>
    <tr><td>Sunday</td><td>Closed</td></tr>
  </tbody>
</table>
<p>We are closed on bank holidays, apart from Easter Saturday.</p>
<h2>Early and late appointments</h2>
<p>Our 7:30 starts on Mondays and Wednesdays and our evening appointments are the first to go, because they suit people who work. If you need one, book a week or two ahead, or ask reception to put you on the waiting list for a cancellation. Saturday mornings are kept mainly for sports massage and for new sports injuries picked up at the weekend.</p>
<p>Pilates and rehab classes run at their own times; see the <a href="/classes/">class timetable</a>.</p>
<h2>Reception</h2>
<p>Reception answers the phone from 8:30 to 17:00, Monday to Friday, and from 8:30 to 12:30 on Saturday. Outside those hours you can book online or leave a message, and we'll call you back.</p>
<h2>Christmas and New Year</h2>
<p>The clinic's last appointments before Christmas are on Wednesday 23 December 2026, until 16:00. We are closed from Thursday 24 December and open again on Monday 4 January 2027, when classes start again too.</p>
""", "2026-09-29"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding Ashcombe House</h1>
<p>We are at Ashcombe House, 9 Malthouse Lane, Hartsmere HT3 9QD, a red-brick Victorian house two minutes' walk from the market place, between the Wool Hall and Hartsmere Leisure Centre. Call reception on 01632 960 574 or email hello@ashcombephysio.example.</p>
<h2>Parking</h2>
<p>We don't have a car park of our own. The nearest parking is Cooper's Yard, the pay-and-display car park directly behind the clinic, and our back door opens onto it. On-street parking on Malthouse Lane is limited to one hour, which is not enough for a first appointment.</p>
<img src="/images/back-entrance.jpg" alt="The clinic's back entrance from Cooper's Yard car park, with a ramp and two disabled parking bays beside the door">
<h2>By bus and train</h2>
<p>Hartsmere bus station is a five-minute walk away; buses from Sallowby, Netherfold and Kingsholt all stop there. From Hartsmere railway station, walk down Station Road to the market place and turn left into Malthouse Lane: it takes about twelve minutes.</p>
<h2>By bike</h2>
<p>There is a covered cycle rack beside the back entrance, and you are welcome to bring a helmet and panniers in with you.</p>
<h2>Inside</h2>
<p>Reception, the waiting room, two treatment rooms and the accessible toilet are on the ground floor. The rehab gym, the other two treatment rooms and the studio are upstairs.</p>
""", "2026-03-30"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>Do I need a referral from my doctor?</summary><p>No. You can book straight in with us. Some insurers need a GP referral before they pay; see <a href="/insurance/">paying and insurance</a>.</p></details>
<details><summary>Can I bring someone with me?</summary><p>Yes. You are welcome to bring a friend or family member into the treatment room. If you would like a chaperone, we can provide one; just ask when you book.</p></details>
<details><summary>Do you treat children?</summary><p>We treat children and teenagers from the age of eight, mostly for sports injuries and growing pains. Under-16s must come with a parent or guardian, who stays in the room.</p></details>
<details><summary>Can I get upstairs if I use a wheelchair?</summary><p>The back entrance is step-free, and reception and two treatment rooms are on the ground floor, so we can see you downstairs. There is no lift, so the studio and rehab gym on the first floor can only be reached by the stairs.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes, for any amount from £20, or for a particular treatment. Sports massage vouchers are especially popular before birthdays and big races. Vouchers are valid for 12 months and can be used for any appointment or class.</p></details>
<details><summary>Will I have to get undressed?</summary><p>We usually need to see the area being treated. Bring shorts or a vest top, and you will always be offered a towel. You can say no to anything you aren't comfortable with.</p></details>
<details><summary>I'm running late. What should I do?</summary><p>Ring reception and let us know. We will see you for the time that's left, but we can't always run over, because the next patient will be waiting.</p></details>
<details><summary>Can I see the same physiotherapist every time?</summary><p>Yes, and we encourage it. Your clinician's diary is open for six weeks ahead, so book your follow-ups before you leave.</p></details>
""", "2026-07-21"))

pages.append(page("/acupuncture/", "Acupuncture and dry needling", """
<h1>Acupuncture and dry needling</h1>
<p>Some of our physiotherapists use fine, single-use needles as one part of treatment, most often for back and neck pain, knee arthritis, tight muscles and some headaches. It isn't for everyone, and we will only suggest it if we think it will help you.</p>
<h2>Who does it</h2>
<p>Acupuncture here is given by physiotherapists who are members of the Acupuncture Association of Chartered Physiotherapists (AACP), which means they have completed recognised training and keep it up to date every year.</p>
<h2>Acupuncture or dry needling?</h2>
<p>Acupuncture uses needles placed at set points, often several at once, left in for up to twenty minutes. Dry needling targets a tight, tender spot in a muscle, and the needle is in for a much shorter time. Both work by calming pain and easing muscle tension.</p>
<h2>Is it safe?</h2>
<p>In trained hands it is very safe. Most people feel a small prick and then a dull ache or tingle. You may feel a little tired or light-headed afterwards, so have something to eat beforehand. Please tell us if you are pregnant, have a pacemaker, take blood thinners, have diabetes or are afraid of needles.</p>
<h2>What it costs</h2>
<p>When it's part of a physiotherapy appointment, acupuncture costs nothing extra. Patients who have finished a course of physiotherapy and found acupuncture helpful can book short acupuncture sessions on their own; see our <a href="/prices/">prices</a>.</p>
""", "2025-12-09"))

pages.append(page("/news/hartsmere-10k-2026/", "We're at the Hartsmere 10K", """
<article>
<h1>Official physio partner of the Hartsmere 10K</h1>
<p><time datetime="2026-09-07">7 September 2026</time></p>
<p>For the fifth year running, Ashcombe Physio is the official physio partner of the Hartsmere 10K, which takes place on Sunday 11 October 2026.</p>
<p>Look for the green Ashcombe tent beside the finish line in the market place. From 10:30 until 13:00, Lewis, Joanna and a team of sports therapy students will be giving free 10-minute post-race massages to every finisher who wants one. There is no need to book; just bring your race number. Mark will be there too, for anyone who picks up an injury on the way round.</p>
<p>If you are still training, our physiotherapists have put together a free eight-week plan for first-time 10K runners, with strength exercises to keep your knees and calves happy. Ask at reception for a copy.</p>
<p>The route is the same as last year: two laps of the town, out along the river path and back past the Wool Hall. Please drink plenty in the days before the race, warm up properly on the morning, and walk for ten minutes after you cross the line before you come to us for your massage.</p>
<p>Good luck to everyone running, and see you at the finish.</p>
</article>
""", "2026-09-07", '<meta property="article:published_time" content="2026-09-07">'))

pages.append(page("/news/new-prices-2026/", "New prices and cancellation policy", """
<article>
<h1>New prices and a change to our cancellation policy</h1>
<p><time datetime="2026-10-05">5 October 2026</time></p>
<p>We have held our prices since February, but our rent and insurance have both gone up this year, and so have our clinicians' wages. From today, Monday 5 October 2026, two of our prices change:</p>
<ul>
  <li>A follow-up physiotherapy appointment is now £56 (it was £52).</li>
  <li>A 60-minute sports massage is now £64 (it was £60).</li>
</ul>
<p>Everything else stays the same, including the initial assessment at £68 and the 30 and 45-minute sports massages. If you have already paid for appointments, you won't pay any more for them.</p>
<h2>Cancellations</h2>
<p>We are also changing our cancellation policy. So many appointments were being cancelled the evening before that we couldn't offer them to anyone else. From today we need at least 48 hours' notice to cancel or move an appointment without charge; with less notice we will charge the full fee. As before, we will waive the charge the first time, and if you are unwell, please ring us.</p>
<p>Thank you for your understanding.</p>
</article>
""", "2026-10-05", '<meta property="article:published_time" content="2026-10-05">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>To treat you safely we keep clinical notes about you: your contact details, your health history, what we found when we examined you and the treatment we gave. Only your clinicians and our reception team can see them, and they are stored in our patient records system, which is encrypted and held in the UK.</p>
<p>We keep adults' records for eight years after their last appointment, and children's records until their twenty-fifth birthday, as the Chartered Society of Physiotherapy recommends.</p>
<p>We share information only when you ask us to (for example a letter to your GP or your insurer), or when the law requires it. We never sell your details, and we send appointment reminders by text and email only.</p>
<p>This website sets one cookie, which keeps you signed in to the patient portal. To see a copy of your notes or ask us to correct something, email privacy@ashcombephysio.example or write to Joanna Mellor at the clinic.</p>
""", "2026-01-12"))

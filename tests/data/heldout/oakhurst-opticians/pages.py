# The pages (hand-written content) of Oakhurst Opticians, an independent opticians and hearing centre the project has never seen.
pages.append(page("/", "Independent opticians and hearing centre in Wellsgrave", """
<h1>Your local independent opticians</h1>
<p class="lead">Alan Threlkeld opened Oakhurst Opticians in 1978 in a single room above the bakery on Oakhurst Parade. Nearly fifty years on we have the whole of number 14, three testing rooms, a hearing suite and a wall of frames, and Alan's daughter Rhiannon runs the practice. We are still independent: no head office, no sales targets, and the optometrist who tests your eyes is the one you can ask for next time.</p>
<h2>How we can help</h2>
<ul>
  <li><a href="/eye-tests/">Eye examinations</a> with retinal photographs for every adult, and an extended examination with an OCT scan for a closer look at the back of the eye.</li>
  <li><a href="/glasses/">Glasses</a> from our own Oakhurst range and from small independent frame makers, with lenses made to your prescription.</li>
  <li><a href="/contact-lenses/">Contact lenses</a>, fitted by a specialist and delivered to your door on a monthly plan.</li>
  <li><a href="/hearing/">Hearing checks, ear wax removal and hearing aids</a> in our hearing suite.</li>
  <li><a href="/children/">Children's eyecare</a>, free under the NHS, and a programme to slow down short sight.</li>
  <li><a href="/home-visits/">Eye tests at home</a> for people who can't get out, and in care homes around Wellsgrave.</li>
</ul>
<h2>NHS and private</h2>
<p>We see NHS and private patients side by side, with the same time in the testing room and the same equipment. If you are entitled to a free NHS sight test or an optical voucher towards your glasses, we will check for you and claim it on your behalf.</p>
<h2>Latest news</h2>
<p>Bring your old glasses in during our <a href="/news/old-glasses-appeal-2026/">autumn old glasses appeal</a>. And read about <a href="/news/eye-examination-fees-2027/">our examination fees for 2027</a>.</p>
""", "2026-10-01"))

pages.append(page("/eye-tests/", "Eye examinations and fees", """
<h1>Eye examinations</h1>
<p>An eye test with us is a health check as much as a check of your sight. As well as working out your prescription, the optometrist looks for signs of glaucoma, cataracts, macular degeneration and diabetes, and can often spot high blood pressure before anyone else has. Every adult examination includes photographs of the back of your eyes at no extra charge, so we can compare them from one visit to the next.</p>
<h2>What happens</h2>
<ol>
  <li>We talk about your eyes, your general health, any medicines you take and how you use your eyes at work and at home.</li>
  <li>We measure your vision and work out your prescription, for distance, reading and the computer.</li>
  <li>We check the pressure inside your eyes and your field of vision, and look carefully at the front and back of each eye.</li>
  <li>We explain what we found, in plain English, and give you a copy of your prescription to take wherever you like.</li>
</ol>
<p>A standard examination takes about 30 minutes.</p>
<h2>Fees</h2>
<table>
  <caption>Eye examination fees</caption>
  <thead><tr><th>Examination</th><th>Who it is for</th><th>Fee</th></tr></thead>
  <tbody>
    <tr><td>NHS sight test</td><td>Children under 16, 16 to 18 year olds in full-time education, people aged 60 and over, people with diabetes or glaucoma, and people on certain benefits</td><td>Free, paid by the NHS</td></tr>
    <tr><td>Private eye examination</td><td>Adults who are not eligible for an NHS sight test</td><td>£35</td></tr>
    <tr><td>Extended eye examination with OCT scan</td><td>Anyone; we recommend it over 40 and with a family history of glaucoma</td><td>£65</td></tr>
    <tr><td>OCT scan added to an NHS sight test</td><td>Patients having an NHS sight test</td><td>£25</td></tr>
    <tr><td>Contact lens check-up</td><td>Contact lens wearers who are not on our lens plan</td><td>£30</td></tr>
  </tbody>
</table>
<p>An OCT scan is a three-dimensional picture of the layers of the retina. It takes a few seconds, nothing touches your eye, and it can show the earliest changes of glaucoma and macular degeneration years before they affect your sight. <a href="/eyecare-plan/">Eyecare Plan</a> members have all their examinations, including a yearly OCT scan, as part of their plan.</p>
<h2>How often should I have my eyes tested?</h2>
<p>Every two years for most adults, and every year for children, people over 70, people with diabetes and anyone with a family history of glaucoma. Come sooner if your sight changes.</p>
""", "2026-04-21"))

pages.append(page("/glasses/", "Glasses, frames and lenses", """
<h1>Glasses</h1>
<p>Our frame room has around seven hundred frames on display. About a third are our own Oakhurst range, made for us in Italy and Japan, and the rest come from small independent frame makers you won't find on every high street, in acetate, titanium and recycled materials. Frames start at £49 for the Oakhurst range and go up to £395 for handmade titanium.</p>
<p>Varifocals have your distance prescription at the top of the lens and your reading prescription in the lower part, with a smooth change in between, so one pair does everything.</p>
<p>One of our dispensing opticians will help you choose a shape that suits your face and your prescription, take the measurements your lenses need, and fit the finished glasses so they sit comfortably.</p>
<h2>Lens prices</h2>
<table>
  <caption>Price per pair of lenses, added to the price of the frame</caption>
  <thead><tr><th>Lens type</th><th>Standard (1.5)</th><th>Thin (1.6)</th><th>Extra thin (1.74)</th></tr></thead>
  <tbody>
    <tr><td>Single vision (distance or reading)</td><td>£45</td><td>£80</td><td>£150</td></tr>
    <tr><td>Bifocal</td><td>£95</td><td>£140</td><td>Not made</td></tr>
    <tr><td>Everyday varifocal</td><td>£185</td><td>£235</td><td>£320</td></tr>
    <tr><td>Premium varifocal, with a wider reading area</td><td>£295</td><td>£345</td><td>£430</td></tr>
    <tr><td>Office lenses, for desk and computer distances</td><td>£120</td><td>£160</td><td>Not made</td></tr>
  </tbody>
</table>
<h2>Extras</h2>
<ul>
  <li>Anti-reflection coating: £40, free on thin and extra thin lenses.</li>
  <li>Light-reactive lenses that darken outdoors: £70.</li>
  <li>A tint in any colour or depth, including a full sun tint: £30.</li>
  <li>Scratch-resistant hard coat: always included.</li>
</ul>
<h2>A second pair</h2>
<p>Buy a complete pair of glasses and take 30% off a second complete pair with the same prescription, bought on the same day. Many people use it for a pair of sunglasses or a pair just for reading.</p>
<h2>NHS optical vouchers</h2>
<p>If you are entitled to an NHS optical voucher, its full value comes off the price of your glasses. Children can choose any frame from our children's range free with their voucher.</p>
""", "2026-06-18"))

pages.append(page("/contact-lenses/", "Contact lenses", """
<h1>Contact lenses</h1>
<p>Bernadette, our contact lens optician, has fitted lenses in Wellsgrave for over twenty years, from first-timers to people whose eyes other practices have struggled to fit. Most people with a prescription can wear lenses, including people with astigmatism and people who need help with reading.</p>
<h2>Your first fitting</h2>
<p>A fitting appointment takes about 45 minutes and costs £45. We measure the front of your eye, choose a lens, and teach you how to put it in, take it out and keep it clean. You go home with a free trial pair to wear for a week, and come back so we can check the fit before you decide anything. If lenses aren't for you, you pay nothing more.</p>
<h2>Our lens plan</h2>
<p>Once you are happy, you can join our lens plan. Your lenses are posted to your home every three months at no extra cost, and the monthly payment includes all your contact lens check-ups and any appointment you need if a lens is uncomfortable.</p>
<table>
  <caption>Lens plan, per month</caption>
  <thead><tr><th>Lenses</th><th>Monthly payment</th></tr></thead>
  <tbody>
    <tr><td>Monthly disposable soft lenses</td><td>£14</td></tr>
    <tr><td>Daily disposable soft lenses</td><td>£24</td></tr>
    <tr><td>Daily disposable lenses for astigmatism (toric)</td><td>£32</td></tr>
    <tr><td>Multifocal daily disposable lenses</td><td>£38</td></tr>
    <tr><td>Rigid gas-permeable lenses, replaced every year</td><td>£22</td></tr>
  </tbody>
</table>
<p>You can leave the plan at any time with a month's notice; there is no minimum term.</p>
<h2>Looking after your eyes</h2>
<p>Please don't sleep, swim or shower in your lenses unless we have fitted you with a lens made for it, and never rinse lenses or cases in tap water. If an eye becomes painful, red or sensitive to light, take the lens out and ring us the same day.</p>
""", "2026-07-09"))

pages.append(page("/hearing/", "Hearing checks, ear wax removal and hearing aids", """
<h1>Hearing care</h1>
<p>Hearing usually fades so slowly that the people around you notice before you do: the television creeps up, and conversations in busy places become hard work. Our hearing suite at the back of the practice is a quiet, sound-treated room where our audiologist can find out what is going on and what would help.</p>
<h2>A free hearing check</h2>
<p>Anyone aged 18 or over can book a free hearing check, which takes about 30 minutes. We look in your ears, test your hearing at different pitches and tell you the results straight away. If a hearing aid might help, we'll explain the options, and there is never any pressure to buy.</p>
<h2>Ear wax removal</h2>
<p>We remove wax by microsuction, a gentle suction method that uses no water. It costs £55 for both ears or £40 for one ear, and the fee includes a quick hearing check afterwards. Please use olive oil drops twice a day for three days beforehand to soften the wax.</p>
<h2>Hearing aids</h2>
<table>
  <caption>Hearing aid prices, including fitting and aftercare</caption>
  <thead><tr><th>Range</th><th>One hearing aid</th><th>A pair</th><th>Good for</th></tr></thead>
  <tbody>
    <tr><td>Essential</td><td>£550</td><td>£995</td><td>Quiet homes and one-to-one conversation</td></tr>
    <tr><td>Advanced</td><td>£1,000</td><td>£1,895</td><td>Family gatherings, shops and meetings</td></tr>
    <tr><td>Premium rechargeable</td><td>£1,600</td><td>£2,995</td><td>Restaurants, busy social lives and streaming from your phone</td></tr>
  </tbody>
</table>
<p>Every hearing aid comes with a 60-day trial, so you can bring it back for a full refund if it doesn't suit you, and four years of aftercare: fine-tuning appointments, cleaning and repairs at no extra charge.</p>
<p>The hearing clinic runs on Tuesdays, Thursdays and Saturday mornings; see <a href="/opening-hours/">opening times</a>.</p>
""", "2026-08-12"))

pages.append(page("/children/", "Children's eyecare", """
<h1>Children's eyes</h1>
<p>Children rarely complain that they can't see, because they assume everyone sees the way they do. A child who sits close to the television, rubs their eyes, loses their place when reading or has headaches after school may need glasses. We recommend a first eye test at about three years old, or sooner if you are worried, and then every year.</p>
<h2>Free for children</h2>
<p>NHS eye tests are free for all children under 16, and for 16 to 18 year olds in full-time education. Children also get an NHS optical voucher towards glasses, and any frame from our children's range is free with the voucher, including bendy frames for toddlers and sports frames with a strap.</p>
<h2>What happens at the test</h2>
<p>Children don't need to be able to read. We use pictures, shapes and games, and for the youngest we can check their eyes without them saying a word. Tests take 20 to 30 minutes, and we keep Saturday mornings and the hours after school for children's appointments so they don't miss lessons.</p>
<h2>Myopia management</h2>
<p>Short sight (myopia) usually starts between the ages of six and twelve and gets worse each year as a child grows. We can't stop it altogether, but our myopia management programme can slow it down by more than half, using special spectacle lenses or soft daily contact lenses designed for children.</p>
<ul>
  <li>Myopia control spectacle lenses: £29 a month, including a new pair of lenses whenever the prescription changes.</li>
  <li>Myopia control daily contact lenses: £39 a month, including all the lenses.</li>
</ul>
<p>Both options include a check-up every six months with the same optometrist, who measures the length of the eye to see how well the treatment is working.</p>
""", "2026-03-16"))

pages.append(page("/home-visits/", "Eye tests at home", """
<h1>Eye tests at home</h1>
<p>If you can't get to the practice on your own because of illness or disability, we can come to you. One of our optometrists brings portable equipment to your home or care home and carries out a full eye examination, just as thorough as one in our testing rooms.</p>
<h2>Who can have a free NHS home eye test?</h2>
<p>You can have a free NHS home eye test if you are entitled to an NHS sight test (for example because you are 60 or over) and you are unable to leave home unaccompanied because of a physical or mental illness or disability. Just tell us when you ring and we'll fill in the form.</p>
<p>If you don't qualify for an NHS visit, we can still come to you: a private home visit costs £60, including the examination.</p>
<h2>Glasses at home</h2>
<p>If you need new glasses, we bring a case of frames to choose from at the same visit. When your glasses are ready, we deliver them and fit them at home, and we'll come back if they ever need adjusting.</p>
<h2>Where we visit</h2>
<p>We visit homes in Wellsgrave and the villages within ten miles, including Little Catherton, Brook Halden, Sutton Quenby, Esterley and Fallowfield Green. Home visits take place on Tuesday and Thursday afternoons, and we are usually able to visit within two weeks of your call.</p>
<h2>Care homes</h2>
<p>We look after residents in eleven care homes around Wellsgrave, with regular visits, labelled glasses for each resident and training for staff on cleaning and caring for them. Care home managers can ring Kiran, our practice manager, to arrange a visit.</p>
""", "2026-02-24"))

pages.append(page("/eyecare-plan/", "The Oakhurst Eyecare Plan", """
<h1>The Oakhurst Eyecare Plan</h1>
<p>The Eyecare Plan turns the cost of looking after your eyes into one small Direct Debit. It costs £12 a month for adults, £9 a month for people aged 60 and over, and £5 a month for children under 16.</p>
<h2>What's included</h2>
<ul>
  <li>All the eye examinations you need, as often as your optometrist recommends, including an OCT scan every year.</li>
  <li>Contact lens check-ups, if you wear lenses.</li>
  <li>20% off frames and lenses, including sunglasses and a second pair.</li>
  <li>Accidental damage cover on glasses you bought from us: if you break or lose them, we'll replace them with the same frame and lenses for a £20 charge, once in any twelve months.</li>
  <li>Free repairs, replacement nose pads and screws.</li>
</ul>
<p>The plan does not cover hearing checks, hearing aids or ear wax removal, or the lenses themselves on our contact lens plan, which has its own <a href="/contact-lenses/">monthly payments</a>.</p>
<h2>Joining and leaving</h2>
<p>Ask at reception or at the end of your eye test and we'll set up the Direct Debit there and then. The plan runs for a minimum of 12 months; after that, you can leave with one month's notice. If you leave in the first year, we ask you to pay the difference between what you have paid and what the examinations and discounts you have used would have cost.</p>
<h2>Is it worth it?</h2>
<p>For someone who has an eye test every year and buys new glasses every two years, the discount and the examinations usually add up to more than the plan costs. For someone who rarely needs new glasses, paying for each visit may work out cheaper, and we're happy to tell you which.</p>
""", "2026-05-27"))

pages.append(page("/work-and-driving/", "Eyecare for work and driving", """
<h1>Eyes for work and for driving</h1>
<h2>Screen users</h2>
<p>If you use a computer as a significant part of your job, the Display Screen Equipment Regulations say your employer must pay for an eye test when you ask for one, and for basic glasses if you need them specifically for screen work. Many employers use our employer eyecare vouchers: each voucher costs the employer £49 and covers an eye examination and, if needed, single vision screen glasses from the Oakhurst range.</p>
<p>If your employer hasn't got an arrangement with us, book an ordinary eye test, pay, and ask us for an itemised receipt to claim back from them.</p>
<h2>Safety glasses</h2>
<p>We supply prescription safety glasses certified to the EN166 standard, with side shields, from £110 including single vision lenses. Varifocal safety lenses are available too. Employers can open an account with us and be invoiced each month.</p>
<h2>Driving</h2>
<p>To drive a car you must be able to read a number plate from 20 metres, with glasses or contact lenses if you need them, and meet the DVLA's standard for your field of vision. If you aren't sure that you do, book an eye test; we will tell you honestly whether your eyes are fit to drive.</p>
<p>Drivers of lorries and buses need an eye examination for the DVLA's D4 medical form. We can fill in the vision section of the D4 after an eye test; the form fee is £45 on top of the examination. We also complete the vision report for Wellsgrave taxi licences for £30.</p>
<h2>Night driving</h2>
<p>Glare from oncoming headlights is one of the commonest reasons people come to see us. It can be caused by an out-of-date prescription, dirty or scratched lenses, or the early stages of a cataract, so it is worth an examination rather than a pair of yellow night-driving glasses.</p>
""", "2026-09-03"))

pages.append(page("/repairs-and-aftercare/", "Repairs, guarantees and aftercare", """
<h1>Repairs and aftercare</h1>
<p>Glasses get sat on, dropped and slept in, and we would much rather you came in than put up with a pair that pinches or slides down your nose.</p>
<h2>Adjustments and small repairs</h2>
<p>Adjustments, new screws and new nose pads are free, whoever made your glasses, and there's no appointment needed: just call in during opening hours and we will usually sort it while you wait.</p>
<h2>Broken frames</h2>
<p>A snapped frame or a broken hinge can often be repaired. We send it to our specialist repairers, who solder metal frames and fit new hinges to plastic ones; repairs cost from £28 and take 7 to 10 days. If a frame can't be repaired, we'll help you find another frame to match your lenses, so you only pay for the new frame.</p>
<h2>Our guarantee</h2>
<p>Frames and lenses bought from us have a two-year guarantee against manufacturing faults. If a frame breaks at a joint, a coating peels or a lens fails without being damaged, we will repair or replace it free.</p>
<h2>If you can't get used to your new glasses</h2>
<p>New glasses, especially a first pair of varifocals, can take a couple of weeks to feel natural. If after that you still can't get on with them, come back: we will recheck your prescription and measurements for free. If you can't get used to your new varifocals within 60 days, we will remake the lenses in another design free of charge, or change them for bifocals or two separate pairs and refund any difference.</p>
<h2>Accidents</h2>
<p>Accidental damage isn't covered by the guarantee, but members of our <a href="/eyecare-plan/">Eyecare Plan</a> have their own accidental damage cover.</p>
""", "2025-12-08"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <caption>Practice opening times</caption>
  <thead><tr><th>Day</th><th>Opening times</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>9:00 to 17:30</td></tr>
    <tr><td>Tuesday</td><td>9:00 to 17:30</td></tr>
    <tr><td>Wednesday (late evening)</td><td>9:00 to 19:30</td></tr>
    <tr><td>Thursday</td><td>9:00 to 17:30</td></tr>
    <tr><td>Friday</td><td>9:00 to 17:30</td></tr>
    <tr><td>Saturday</td><td>9:00 to 16:00</td></tr>
    <tr><td>Sunday and bank holidays</td><td>Closed</td></tr>
  </tbody>
</table>
<p>The last eye test of the day starts 45 minutes before we close. You can collect glasses or call in for an adjustment at any time we are open.</p>
<h2>Hearing clinic</h2>
<table>
  <caption>Hearing clinic times</caption>
  <thead><tr><th>Day</th><th>Hearing appointments</th></tr></thead>
  <tbody>
    <tr><td>Tuesday</td><td>9:30 to 17:00</td></tr>
    <tr><td>Thursday</td><td>9:30 to 17:00</td></tr>
    <tr><td>Saturday</td><td>9:00 to 12:30</td></tr>
  </tbody>
</table>
<h2>Christmas and New Year</h2>
<table>
  <thead><tr><th>Date</th><th>Opening times</th></tr></thead>
  <tbody>
    <tr><td>Thursday 24 December (Christmas Eve)</td><td>9:00 to 13:00</td></tr>
    <tr><td>Friday 25 December to Monday 28 December</td><td>Closed</td></tr>
    <tr><td>Tuesday 29 December to Thursday 31 December</td><td>10:00 to 16:00</td></tr>
    <tr><td>Friday 1 January (New Year's Day)</td><td>Closed</td></tr>
  </tbody>
</table>
<p>From Saturday 2 January 2027 we are back to our usual hours. If you have a problem with your eyes while we are closed, ring NHS 111.</p>
""", "2026-10-26"))

pages.append(page("/find-us/", "Find us and contact us", """
<h1>Find us</h1>
<p>Oakhurst Opticians, 14 Oakhurst Parade, Wellsgrave WG3 7PL. Ring us on 01632 960 926, or email hello@oakhurstopticians.example and we will reply within one working day.</p>
<p>We are halfway along Oakhurst Parade, the row of shops between the market square and the station, opposite the library. Look for the green shop front with the brass spectacles sign over the door.</p>
<h2>Parking</h2>
<p>The nearest parking is the Chantry Lane car park, behind the parade; a passage beside the bakery at number 10 takes you from the car park to our door in two minutes. There are two disabled parking bays on Oakhurst Parade itself, right outside the practice.</p>
<h2>By bus and train</h2>
<p>Buses 22 and 31 stop on Oakhurst Parade, outside the library. Wellsgrave station is a seven-minute walk: turn left out of the station, go past the post office and you will see us on your right.</p>
<h2>Inside the practice</h2>
<p>The entrance is step-free, with a wide automatic door, and all our testing rooms and the hearing suite are on the ground floor. There is a toilet for patients, and a children's corner with books and toys by the frame room.</p>
<img src="/images/oakhurst-reception.jpg" alt="The reception counter at Oakhurst Opticians, with a hearing loop sign and a lowered section for wheelchair users">
<h2>Write to us</h2>
<p>Letters, prescriptions and forms can be posted or dropped through the letterbox. If you would like to send us your feedback or make a complaint, please write to Kiran Bhogal, our practice manager, at the same address.</p>
""", "2026-03-30"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>Do I need an appointment?</summary><p>Eye tests, contact lens fittings and hearing appointments are booked in advance, by phone or at reception. You don't need an appointment to choose frames, collect your glasses or have them adjusted.</p></details>
<details><summary>Will you put drops in my eyes, and can I drive afterwards?</summary><p>Sometimes the optometrist needs to widen your pupils with drops to see the back of the eye properly. The drops make your vision blurred and sensitive to light for four to six hours, so please don't drive until they have worn off. If we think you might need drops, we'll tell you when you book, so you can arrange a lift; bring sunglasses for the journey home.</p></details>
<details><summary>Can you make glasses from a prescription from another optician?</summary><p>Yes, as long as it was issued less than two years ago and shows all the measurements we need. Bring the written prescription with you; we can't make glasses from a photograph of someone else's prescription on your phone.</p></details>
<details><summary>How long do new glasses take?</summary><p>Most glasses are ready in 7 to 10 working days. Varifocals and extra thin lenses can take up to three weeks. We'll send you a text message when they are ready to collect.</p></details>
<details><summary>Can I buy contact lenses without a fitting?</summary><p>No. The law says we can only supply contact lenses to someone with a current contact lens specification, which comes from a fitting or check-up, not from a glasses prescription. If you were fitted somewhere else, bring your specification with you.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes, from £25 in any amount. They can be spent on glasses, sunglasses, contact lenses and eye examinations, and they are valid for 12 months.</p></details>
<details><summary>What should I bring to my eye test?</summary><p>All the glasses you use, including reading and sunglasses, the details of any contact lenses, a list of your medicines, and proof of your entitlement if you claim an NHS sight test because of benefits.</p></details>
<details><summary>Can I bring my dog?</summary><p>Assistance dogs are always welcome. We ask that other dogs wait outside, because some of our equipment has to stay very still.</p></details>
""", "2026-09-21"))

pages.append(page("/team/", "Meet the team", """
<h1>The team at Oakhurst</h1>
<section>
<h3>Rhiannon Threlkeld, optometrist and director</h3>
<p>Rhiannon grew up in the flat above the practice and qualified at Cardiff in 2003. She took over from her father, Alan, in 2012. She holds a higher qualification in glaucoma and sees many of our patients who have glaucoma or a raised eye pressure.</p>
</section>
<section>
<h3>Desmond Ebbrell, optometrist</h3>
<p>Desmond joined us in 2011 after ten years in a hospital eye department. He carries out our home visits and care home visits, and is the person to ask about night driving and cataracts.</p>
</section>
<section>
<h3>Agata Nowicka, optometrist</h3>
<p>Agata runs our children's clinic and the myopia management programme. She speaks Polish as well as English, and is happy to test in either.</p>
</section>
<section>
<h3>Tobias Greaves, dispensing optician</h3>
<p>Tobias chooses the frames for the frame room and will help you find a pair that suits you. He specialises in varifocals, sports frames and fitting glasses for small children.</p>
</section>
<section>
<h3>Bernadette Ostler, contact lens optician</h3>
<p>Bernadette fits all our contact lenses, from daily disposables to rigid lenses for people with keratoconus.</p>
</section>
<section>
<h3>Aisling Mallory, hearing aid audiologist</h3>
<p>Aisling is registered with the Health and Care Professions Council and runs our hearing clinic. Before joining us in 2019, she worked for eight years in an NHS audiology department.</p>
</section>
<section>
<h3>Kiran Bhogal, practice manager</h3>
<p>Kiran keeps the diary, the NHS claims and everything else running. If something has gone wrong, Kiran is the person to put it right.</p>
</section>
<p>At reception and in the frame room you'll also meet our optical assistants, <strong>Leah Saxby</strong> and <strong>Hamza Pettigrew</strong>.</p>
""", "2026-01-19"))

pages.append(page("/careers/", "Jobs at Oakhurst Opticians", """
<h1>Work with us</h1>
<p>We are a team of nine, and most of us have been here for years. Everyone gets a free eye examination every year, free glasses up to £250 every two years, and a day off on their birthday.</p>
<h2>Optical assistant, 30 hours a week</h2>
<p>Welcoming patients, answering the phone, carrying out the first tests before patients see the optometrist, and helping people choose frames. No experience of optics needed; we will train you and support you through the optical assistant certificate. Four days a week, including alternate Saturdays and one Wednesday late evening a fortnight. £12.75 an hour.</p>
<h2>Saturday receptionist</h2>
<p>Every Saturday from 8:45 to 16:15, greeting patients, booking appointments and taking payments. Ideal for a student. £12.60 an hour.</p>
<h2>Pre-registration optometrist, starting July 2027</h2>
<p>We take one graduate optometrist each year for their pre-registration year. You'll test under supervision in all three of our testing rooms, join Desmond on home visits and spend time in the children's clinic with Agata. We pay the College of Optometrists' scheme fees and a salary of £24,500.</p>
<p>To apply, send a short letter and your CV to jobs@oakhurstopticians.example, or hand them to Kiran at reception.</p>
""", "2026-11-05"))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>To look after your eyes and hearing we keep clinical records: your name, date of birth, address, contact details, your health history, test results, prescriptions and retinal photographs. We keep adult records for ten years after your last visit, and children's records until their 25th birthday or for ten years, whichever is longer.</p>
<p>We share your information with the NHS when we claim for an NHS sight test or voucher, and with your GP or the hospital eye department only when we refer you or you ask us to. Our lens suppliers receive your name, address and lens details so they can post your contact lenses.</p>
<p>We send reminder letters and text messages when your next eye test or check-up is due; tell us if you would rather not have them. We never use your details for anyone else's marketing.</p>
<p>This website sets one cookie, which remembers an appointment request while you fill in the form. To see or correct what we hold about you, write to Kiran Bhogal, practice manager, or email privacy@oakhurstopticians.example.</p>
""", "2026-02-02"))

pages.append(page("/news/old-glasses-appeal-2026/", "Our old glasses appeal", """
<article>
<h1>Your old glasses could help someone see</h1>
<p><time datetime="2026-09-28">28 September 2026</time></p>
<p>Most of us have a drawer with two or three pairs of old glasses in it. Through October and November, we're asking you to bring them in.</p>
<p>There's a collection box by the front door for any glasses in wearable condition, including reading glasses and sunglasses with or without a prescription. We send everything we collect to Clearsight Overseas, a charity whose volunteers clean and measure each pair and pass them on to eye clinics in Malawi and Zambia, where a pair of glasses can mean keeping a job or staying at school.</p>
<p>As a thank you, anyone who donates a pair during the appeal will get £20 off a complete pair of new glasses from us before 30 November 2026.</p>
<p>Please put each pair in a case or a bag if you can, so the lenses don't get scratched on the way. We can't send on broken frames, but we recycle the metal from those rather than throwing them away.</p>
<p>Last year Wellsgrave gave us 640 pairs. Let's beat it.</p>
</article>
""", "2026-09-28", '<meta property="article:published_time" content="2026-09-28">'))

pages.append(page("/news/eye-examination-fees-2027/", "Our eye examination fees for 2027", """
<article>
<h1>New eye examination fees from 4 January 2027</h1>
<p><time datetime="2027-01-04">4 January 2027</time></p>
<p>We last changed our private fees in 2023. Since then the cost of the equipment, insurance and training that go into every examination has risen, and we have added a second OCT scanner. From Monday 4 January 2027 our fees are:</p>
<ul>
  <li>Private eye examination: £39 (it was £35).</li>
  <li>Extended eye examination with OCT scan: £72 (it was £65).</li>
  <li>OCT scan added to an NHS sight test: stays at £25.</li>
  <li>Contact lens check-up for wearers who are not on our lens plan: £34 (it was £30).</li>
</ul>
<p>NHS sight tests remain free for everyone who is eligible, and the price of the Eyecare Plan has not changed, so members still have all their examinations included.</p>
<p>Our lens prices, frame prices and hearing care fees are not affected by this change. If you booked before 4 January for an appointment after it, you'll pay the old fee. Thank you for supporting an independent practice.</p>
</article>
""", "2027-01-04", '<meta property="article:published_time" content="2027-01-04">'))

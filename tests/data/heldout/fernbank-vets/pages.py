# The pages (hand-written content) of Fernbank Vets, a veterinary practice the project has never seen.
pages.append(page("/", "Independent vets in Kelsbridge", """
<h1>Friendly, independent vets in Kelsbridge</h1>
<p class="lead">Since 1994 Fernbank Vets has cared for the dogs, cats, rabbits, guinea pigs and other small pets of Kelsbridge and the Heddon valley. We are family-owned, not part of a corporate group, and you will usually see the same vet from one visit to the next.</p>
<img src="/images/reception.jpg" alt="The reception desk at Fernbank Vets, with a bowl of water and a jar of dog biscuits">
<h2>How we can help</h2>
<ul>
  <li><a href="/services/">Check-ups, vaccinations and nurse clinics</a>, with appointments six days a week.</li>
  <li><a href="/surgery/">Neutering, dentistry and soft-tissue surgery</a> in our own theatre, with a nurse watching every anaesthetic.</li>
  <li><a href="/health-plan/">The Fernbank Health Club</a>: spread the cost of routine care over the year.</li>
  <li><a href="/emergencies/">Help when something goes wrong</a>, day or night.</li>
</ul>
<h2>New to the area?</h2>
<p>Registering takes a few minutes on the booking page or at reception. We will ask your previous vet for your pet's history so nothing gets lost.</p>
<p>We are a Gold-level Cat Friendly Clinic and have been accredited under the RCVS Practice Standards Scheme since 2012.</p>
""", "2026-09-02"))

pages.append(page("/services/", "Appointments and prices", """
<h1>Appointments and everyday care</h1>
<p>You can book a consultation online, by phone or at reception. Same-day appointments are kept back every morning for pets that are unwell, so please call as early as you can if you are worried.</p>
<h2>Consultations and clinics</h2>
<table>
  <caption>Consultation fees (including VAT; medicines and tests are charged separately)</caption>
  <thead><tr><th>Appointment</th><th>Length</th><th>Fee</th></tr></thead>
  <tbody>
    <tr><td>Standard consultation with a vet</td><td>15 minutes</td><td>£48</td></tr>
    <tr><td>Extended consultation (several problems, or a long-standing one)</td><td>30 minutes</td><td>£79</td></tr>
    <tr><td>Re-check for the same problem within 14 days</td><td>10 minutes</td><td>£28</td></tr>
    <tr><td>Nurse clinic (nail clip, stitch removal, weight check, anal glands)</td><td>15 minutes</td><td>£22</td></tr>
  </tbody>
</table>
<p>Nurse clinics are included for members of the <a href="/health-plan/">Health Club</a>.</p>
<h2>Vaccinations and microchips</h2>
<table>
  <caption>Vaccination prices (each includes a full health check with a vet)</caption>
  <thead><tr><th>Vaccination</th><th>Dogs</th><th>Cats</th><th>Rabbits</th></tr></thead>
  <tbody>
    <tr><td>Primary course (two injections)</td><td>£89</td><td>£84</td><td>Not needed</td></tr>
    <tr><td>Yearly booster</td><td>£62</td><td>£58</td><td>£61 (myxomatosis and RVHD in one)</td></tr>
    <tr><td>Kennel cough (drops up the nose, lasts a year)</td><td>£42</td><td>Not offered</td><td>Not offered</td></tr>
  </tbody>
</table>
<p>A microchip costs £24 and takes seconds; most pets don't notice it. If your pet already has a chip, we scan it at every booster to make sure it still reads.</p>
<p>Travelling abroad? Dogs, cats and ferrets need a rabies vaccination at least 21 days before travel. See <a href="/guides/puppy-vaccinations/">our puppy vaccination guide</a> for the full timetable.</p>
<h2>Tests and scans</h2>
<p>We run most blood tests in our own laboratory, with results the same day, usually within an hour. Digital X-rays are taken on site (from £210, including sedation), and ultrasound scans of the abdomen or heart start at £145.</p>
<h2>Home visits</h2>
<p>When bringing your pet in would be too stressful, a vet and a nurse can come to you. A home visit costs £95 on top of the consultation fee, within 8 miles of the practice. We also offer gentle euthanasia at home; please call and ask for Jan, who will arrange a time that suits your family.</p>
""", "2026-08-19"))

pages.append(page("/surgery/", "Operations and dentistry", """
<h1>Operations and dentistry</h1>
<p>Our theatre, prep room and recovery ward are on the ground floor at the back of the practice. A registered veterinary nurse monitors every anaesthetic from start to finish, and your pet recovers on a heated bed under a blanket.</p>
<h2>Neutering</h2>
<table>
  <caption>Neutering prices: anaesthetic, pain relief, a buster collar and two post-operative checks included</caption>
  <thead><tr><th>Procedure</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Cat castration</td><td>£96</td></tr>
    <tr><td>Cat spay</td><td>£148</td></tr>
    <tr><td>Rabbit castration</td><td>£125</td></tr>
    <tr><td>Rabbit spay</td><td>£185</td></tr>
    <tr><td>Dog castration, under 20 kg</td><td>£295</td></tr>
    <tr><td>Dog castration, 20 kg and over</td><td>£355</td></tr>
    <tr><td>Dog spay, under 20 kg</td><td>£385</td></tr>
    <tr><td>Dog spay, 20 kg and over</td><td>£465</td></tr>
  </tbody>
</table>
<p>Keyhole (laparoscopic) spays are available for dogs over 10 kg for £160 more than the prices above. Recovery is quicker and the wound is smaller.</p>
<h2>Dentistry</h2>
<p>A scale and polish under general anaesthetic starts at £320, including a dental X-ray of the whole mouth. If teeth need to come out we phone you first; extractions are £35 per tooth, or more for a large tooth with several roots.</p>
<h2>The day of the operation</h2>
<p>Please don't give your dog or cat any food after 20:00 the night before. Water is fine until you leave home. Rabbits and guinea pigs are different: keep feeding them as normal, because an empty stomach is dangerous for them.</p>
<p>Bring your pet in between 8:15 and 9:00. A vet will examine them, answer your questions and ask you to sign a consent form. We phone you as soon as your pet is awake, and most patients go home between 15:00 and 17:00 the same day.</p>
<p>For pets over seven we recommend a blood test before the anaesthetic (£55) to check the liver and kidneys.</p>
""", "2026-07-03"))

pages.append(page("/health-plan/", "The Fernbank Health Club", """
<h1>The Fernbank Health Club</h1>
<p>The Health Club spreads the cost of your pet's routine care into small monthly payments and saves most members over £100 a year.</p>
<table>
  <caption>Monthly fee by pet</caption>
  <thead><tr><th>Pet</th><th>Per month</th></tr></thead>
  <tbody>
    <tr><td>Dog under 20 kg</td><td>£16.50</td></tr>
    <tr><td>Dog 20 kg and over</td><td>£19.75</td></tr>
    <tr><td>Cat</td><td>£14.25</td></tr>
    <tr><td>Rabbit</td><td>£9.50</td></tr>
  </tbody>
</table>
<h2>What membership includes</h2>
<ul>
  <li>The yearly booster vaccination (and kennel cough for dogs)</li>
  <li>Two health checks with a vet each year</li>
  <li>Flea, tick and worm treatment for the whole year, posted to you or collected</li>
  <li>Unlimited nurse clinics</li>
  <li>10% off operations, dentistry and food bought from us</li>
</ul>
<h2>Joining and leaving</h2>
<p>You pay by Direct Debit on the 1st of each month. Membership runs for at least 12 months; after that you can leave at any time with one month's notice.</p>
<p>Membership is not insurance: it covers routine care, not illness or accidents. Read our <a href="/guides/pet-insurance/">guide to pet insurance</a> for that.</p>
""", "2026-05-12"))

pages.append(page("/emergencies/", "Emergencies", """
<h1>If your pet needs help urgently</h1>
<p>During opening hours, phone us on 01632 960 284 and tell the receptionist it is an emergency. Then set off: we will have a vet ready when you arrive.</p>
<h2>Evenings, nights, weekends and bank holidays</h2>
<p>When we are closed, emergencies are seen by Heddon Valley Pet Emergency, a dedicated out-of-hours clinic with a vet and nurses on site all night.</p>
<p>Heddon Valley Pet Emergency, Unit 4, Heddon Business Park, Kelsbridge KB2 9RS. Phone 01632 960 733.</p>
<p>Please always ring before setting off so the team can get ready for you. The clinic charges its own fees, which are higher than ours because it is staffed through the night; the out-of-hours consultation starts at £185. It sends us your pet's notes the next morning so we can carry on the care.</p>
<h2>When to call straight away</h2>
<ul>
  <li>Trouble breathing, or pale or blue gums</li>
  <li>A swollen, tight belly with retching but nothing coming up, especially in large dogs</li>
  <li>A male cat straining in the litter tray and passing little or no urine</li>
  <li>Eating chocolate, grapes or raisins, xylitol (sugar-free gum), rat poison or lily pollen</li>
  <li>A fit lasting more than five minutes, or several in a day</li>
  <li>Being hit by a car, even if your pet seems fine afterwards</li>
</ul>
""", "2026-03-22"))

pages.append(page("/opening-hours/", "Opening hours", """
<h1>Opening hours</h1>
<table>
  <thead><tr><th>Day</th><th>Reception and pharmacy</th><th>Consultations</th></tr></thead>
  <tbody>
    <tr><td>Monday to Friday</td><td>8:00 to 19:00</td><td>8:30 to 12:00 and 14:00 to 18:45</td></tr>
    <tr><td>Saturday</td><td>8:30 to 13:00</td><td>8:45 to 12:30</td></tr>
    <tr><td>Sunday</td><td>Closed</td><td>Closed</td></tr>
  </tbody>
</table>
<p>Operations are on weekdays only. Phone lines open at 8:00.</p>
<h2>Christmas and New Year 2026</h2>
<table>
  <thead><tr><th>Date</th><th>Hours</th></tr></thead>
  <tbody>
    <tr><td>Thursday 24 December (Christmas Eve)</td><td>8:00 to 16:00</td></tr>
    <tr><td>Friday 25 December (Christmas Day)</td><td>Closed</td></tr>
    <tr><td>Saturday 26 December (Boxing Day)</td><td>Closed</td></tr>
    <tr><td>Monday 28 December (bank holiday)</td><td>9:00 to 12:00, emergencies and medicine collection only</td></tr>
    <tr><td>Thursday 31 December (New Year's Eve)</td><td>8:00 to 17:00</td></tr>
    <tr><td>Friday 1 January</td><td>Closed</td></tr>
  </tbody>
</table>
<p>On other bank holidays we open from 9:00 to 12:00 for emergencies and medicine collection only. Whenever we are closed, <a href="/emergencies/">Heddon Valley Pet Emergency</a> looks after our patients.</p>
""", "2026-11-02"))

pages.append(page("/visit/", "Find us", """
<h1>Finding the practice</h1>
<p>We are at 22 Quarry Road, Kelsbridge KB4 7TN, across the road from the library and two doors down from the fire station.</p>
<img src="/images/front.jpg" alt="The front of Fernbank Vets on Quarry Road: a red-brick house with a green door and a ramp">
<h2>Parking</h2>
<p>There is free parking for clients behind the building. Turn in by the post box just before the practice; the back door leads straight into reception.</p>
<img src="/images/car-park.jpg" alt="The client car park behind the practice, with 9 spaces and a wide bay by the back door for wheelchair users">
<h2>By bus and train</h2>
<p>Buses 14 and 22 stop outside the library, about 40 metres away. Kelsbridge station is a 15-minute walk up Station Hill and along Quarry Road.</p>
<h2>Inside</h2>
<p>The whole ground floor is step-free, and there is an accessible toilet off reception. Cats have their own quiet waiting room, to the left of reception, away from the dogs. If your dog finds the waiting room hard, wait in the car and tell reception; we will text you when the vet is ready.</p>
""", "2026-04-15"))

pages.append(page("/team/", "Meet the team", """
<h1>Meet the team</h1>
<h2>Vets</h2>
<section>
<h3>Dr Helen Achterberg BVSc MRCVS</h3>
<img src="/images/team/helen.jpg" alt="Dr Helen Achterberg with her springer spaniel, Moss">
<p>Helen is our clinical director and has owned the practice since 2018. Her special interest is orthopaedics, and she does most of our fracture and cruciate work. She is also one of our two Official Veterinarians, who can sign travel paperwork.</p>
</section>
<section>
<h3>Dr Samuel Osei BVetMed MRCVS</h3>
<p>Sam joined us in 2015 and leads our dentistry. He holds a certificate in small animal dentistry and is our second Official Veterinarian.</p>
</section>
<section>
<h3>Dr Ruth Carmody MVB MRCVS</h3>
<p>Ruth qualified in Dublin and has a certificate in rabbit and small mammal medicine. If you have a rabbit, guinea pig, rat, hamster or chinchilla, she is the vet to ask for.</p>
</section>
<section>
<h3>Dr Tomasz Wieczorek BVSc MRCVS</h3>
<p>Tomasz carries out our ultrasound scans and has a particular interest in heart disease in older dogs and cats.</p>
</section>
<h2>Nurses</h2>
<p><strong>Abby Lund RVN</strong> is our head nurse and runs the theatre. <strong>Kieran Doyle RVN</strong> runs the nurse clinics and the weight clinic. <strong>Priti Mahal</strong> is a student veterinary nurse in her second year.</p>
<h2>Reception and management</h2>
<p><strong>Jan Etherington</strong> is our practice manager; speak to her about accounts, insurance claims and anything you are not happy with. <strong>Lewis Grant</strong> and <strong>Mary Ndlovu</strong> are on reception.</p>
""", "2026-09-30"))

pages.append(page("/about/", "About Fernbank Vets", """
<h1>About us</h1>
<p>Dr Graham Fernley opened the practice in 1994 in the front room of Fernbank House, his home on Mill Street, which is where our name comes from. As the practice grew it moved to its present, larger building on Quarry Road in 2011, with a proper operating theatre and separate wards for cats and dogs.</p>
<p>When Graham retired in 2018, Dr Helen Achterberg, who had worked alongside him for nine years, took the practice over. We are still independent: decisions about your pet's care are made here, not by a head office.</p>
<h2>Standards</h2>
<p>The practice is inspected under the RCVS Practice Standards Scheme and holds a Gold award as a Cat Friendly Clinic from International Cat Care.</p>
<h2>In Kelsbridge</h2>
<p>Every spring we give talks on pet care at local primary schools, and we check the animals at the Kelsbridge agricultural show's pet section free of charge.</p>
""", "2026-02-08"))

pages.append(page("/faq/", "Frequently asked questions", """
<h1>Questions we are often asked</h1>
<details><summary>Do I have to register before my first appointment?</summary><p>Yes, but it is quick and there is no charge: registration is free, either online or at reception. Bring your pet's vaccination card if you have it.</p></details>
<details><summary>Can I order my pet's regular medicine without an appointment?</summary><p>Yes, for long-term medicines, as long as a vet has examined your pet in the last 6 months. Order online or by phone and allow two working days before collecting.</p></details>
<details><summary>My pet gets very stressed at the vet. What can we do?</summary><p>Ask for a quiet appointment: the first slot of the afternoon, at 14:00, when the waiting room is empty. Bring a favourite blanket, and ask us whether calming medicine before the visit could help.</p></details>
<details><summary>Can I stay with my pet?</summary><p>Of course, for consultations and for euthanasia. For X-rays and some procedures we ask you to wait outside for your own safety.</p></details>
<details><summary>Do you have a weight clinic?</summary><p>Yes. Kieran runs a free weight clinic every Wednesday afternoon for any pet registered with us. Bring the food you use and we will work out how much to give.</p></details>
<details><summary>How do I take my dog or cat abroad?</summary><p>For the EU and Northern Ireland your pet needs a microchip, a rabies vaccination and an Animal Health Certificate, issued by an Official Veterinarian no more than 10 days before you travel. The certificate costs £165; book the appointment as soon as your travel dates are fixed.</p></details>
<details><summary>What happens after my pet dies?</summary><p>We work with Stillwater Pet Crematorium. A communal cremation costs from £85; an individual cremation, with the ashes returned to you in a wooden casket, from £195. You can also take your pet home for burial.</p></details>
<details><summary>Do you sell pet food?</summary><p>We keep prescription diets in stock and can order any other food we sell for collection the next working day.</p></details>
<details><summary>Can you trim my rabbit's teeth?</summary><p>Overgrown front teeth are trimmed with a dental burr, never clipped, usually without an anaesthetic. Back teeth need a short anaesthetic. Ask for Ruth.</p></details>
""", "2026-06-20"))

pages.append(page("/policies/", "Fees and policies", """
<h1>Fees and practice policies</h1>
<h2>Paying</h2>
<p>Please pay for treatment when your pet goes home. We take debit and credit cards (Visa, Mastercard and American Express), contactless, Apple Pay, Google Pay and cash. We no longer accept cheques.</p>
<p>We will always give you a written estimate for treatment likely to cost more than £250. If the cost is going to rise above the estimate, we ring you first.</p>
<h2>Insurance claims</h2>
<p>For claims over £300 we can send the claim to your insurer ourselves and wait for them to pay us, as long as the insurer agrees beforehand. You pay the excess and anything the policy does not cover on the day. For smaller claims, pay us and claim the money back from your insurer; we fill in the vet's part of the form for £15.</p>
<h2>Cancelling or moving an appointment</h2>
<p>Please give us at least 24 hours' notice so another pet can have the slot. If you miss a consultation without letting us know, we charge £25. For operations we ask for 48 hours' notice, and there is a £60 charge if your pet is not brought in.</p>
<h2>Prescriptions</h2>
<p>You can buy your pet's medicines from us or, if you prefer, ask for a written prescription to take to another pharmacy or an online supplier. A written prescription costs £18 and can list several medicines.</p>
<h2>Complaints</h2>
<p>If something has gone wrong, please tell Jan Etherington, our practice manager, in person, by phone or by email. We reply within 10 working days.</p>
""", "2026-03-01"))

pages.append(page("/contact/", "Contact us", """
<h1>Get in touch</h1>
<p>Call reception on 01632 960 284 or email reception@fernbankvets.example. Emails are read during opening hours; please don't email about an emergency.</p>
<p>Waiting for test results? The vets return calls between 14:00 and 15:00, after morning operations.</p>
<p>To book, use the online booking page or call. Medicine orders can also be placed online.</p>
<h2>Out of hours</h2>
<p>Call Heddon Valley Pet Emergency on 01632 960 733. See <a href="/emergencies/">emergencies</a>.</p>
""", "2026-04-15"))

pages.append(page("/careers/", "Careers", """
<h1>Work at Fernbank</h1>
<h2>Registered Veterinary Nurse, full or part time</h2>
<p>We are looking for an RVN to join our team of four nurses. You will monitor anaesthetics, run nurse clinics and help train our student nurses. Newly qualified nurses are welcome to apply.</p>
<ul>
  <li>Salary £29,000 to £33,500 a year (pro rata for part time), depending on experience</li>
  <li>£1,000 a year for CPD and paid CPD days</li>
  <li>A four-day week if you want one</li>
  <li>No overnight or weekend on-call: Heddon Valley Pet Emergency covers out of hours</li>
  <li>Treatment for your own pets at cost price</li>
</ul>
<p>Send your CV and a short covering letter to jobs@fernbankvets.example by 9 January 2027. We would be pleased to show you around first.</p>
<h2>Work experience</h2>
<p>We offer a week of work experience to students aged 16 and over who are thinking about veterinary careers, in the Easter and summer holidays.</p>
""", "2026-11-05"))

pages.append(page("/news/cat-friendly-waiting-room/", "Our new cat waiting room", """
<article>
<h1>A waiting room just for cats</h1>
<p><time datetime="2026-06-08">8 June 2026</time></p>
<p>Our new cat waiting room, to the left of reception, is now open. It has raised shelves so carriers don't sit on the floor, a calming pheromone diffuser, and no dogs at all.</p>
<p>We have also started a cats-only morning: every Tuesday from 8:30 to 12:00 only cats are booked in, so the whole building stays quiet.</p>
<p>The changes helped us renew our Gold award as a Cat Friendly Clinic this spring.</p>
</article>
""", "2026-06-08", '<meta property="article:published_time" content="2026-06-08">'))

pages.append(page("/news/consultation-fees-2026/", "New consultation fees from December", """
<article>
<h1>Consultation fees from 1 December 2026</h1>
<p><time datetime="2026-11-12">12 November 2026</time></p>
<p>We have kept our consultation fees the same for two years, but the cost of drugs, equipment and energy has kept rising. From 1 December 2026 a standard 15-minute consultation will cost £52 (it was £48), and an extended 30-minute consultation £85 (it was £79).</p>
<p>Vaccination, nurse clinic and Health Club prices do not change. If you booked before this notice, you will pay the old fee.</p>
<p>Thank you for your understanding. If you have any questions, Jan would be happy to talk them through.</p>
</article>
""", "2026-11-12", '<meta property="article:published_time" content="2026-11-12">'))

pages.append(page("/guides/puppy-vaccinations/", "Puppy vaccinations", """
<article>
<h1>Your puppy's first vaccinations</h1>
<p>Vaccinations protect your puppy from diseases that are still common in the UK and can kill young dogs, such as parvovirus and leptospirosis. Here is what to expect in the first few months.</p>
<h2>The timetable</h2>
<table>
  <thead><tr><th>Age</th><th>What happens</th></tr></thead>
  <tbody>
    <tr><td>8 weeks</td><td>First injection (distemper, hepatitis, parvovirus and leptospirosis) and a full health check. Puppies must be microchipped by this age by law; the breeder should have done it.</td></tr>
    <tr><td>10 weeks</td><td>Second injection, at least two weeks after the first.</td></tr>
    <tr><td>11 weeks</td><td>Out for walks.</td></tr>
    <tr><td>16 weeks</td><td>Free nurse check: weight, teeth, and advice on neutering.</td></tr>
    <tr><td>15 months</td><td>First yearly booster.</td></tr>
  </tbody>
</table>
<h2>When can my puppy go out?</h2>
<p>Your puppy can go out for walks one week after the second injection, when the vaccine has had time to work. Before then, carry your puppy outside to meet people, hear traffic and see other animals: the first three months are when puppies learn what is normal, and missing that time causes fear later. Avoid the ground where unknown dogs go, such as parks and pavements.</p>
<h2>Kennel cough</h2>
<p>Kennel cough spreads wherever dogs meet, not only in kennels. The vaccine is given as drops up the nose from 8 weeks of age and lasts a year.</p>
<h2>Worms and fleas</h2>
<p>Worm your puppy every two weeks until 12 weeks old, then every month until six months. Flea treatment can start at 8 weeks. We will give you the right products for your puppy's weight at the first visit.</p>
<h2>Going abroad later?</h2>
<p>The rabies vaccine can be given from 12 weeks of age. Your puppy cannot travel until 21 days after it.</p>
<h2>Costs</h2>
<p>Our puppy pack costs £99: both injections, the first flea and worm treatment, the 16-week nurse check, and a month of free insurance cover from the day of the first injection.</p>
</article>
""", "2026-01-20"))

pages.append(page("/guides/pet-insurance/", "A guide to pet insurance", """
<article>
<h1>Pet insurance, explained by your vets</h1>
<p>Modern veterinary care can do a great deal, and some of it is expensive. Insurance means that when your pet is ill or injured, the decision can be about what is best for them, not about what you can afford that week. We are not insurance brokers and cannot recommend a company, but we see a lot of policies, and these are the questions we would ask.</p>
<h2>The four kinds of policy</h2>
<p><strong>Accident only</strong> policies pay for injuries but not illness. They are cheap, but most of the claims we see are for illness.</p>
<p><strong>Time-limited</strong> policies pay for each condition for twelve months after it starts. After that, ongoing care for that condition is not covered.</p>
<p><strong>Maximum benefit</strong> policies pay up to a fixed sum for each condition, for as long as it takes, until that sum is used up.</p>
<p><strong>Lifetime</strong> policies renew a yearly amount for every condition for as long as you keep the policy. They cost the most, and they are the only kind that keeps paying for something like diabetes, arthritis or allergies year after year.</p>
<h2>Excess and co-payment</h2>
<p>The excess is the part of each claim you pay yourself, often between £99 and £150 per condition each policy year. Many insurers also add a co-payment once a dog turns 8 or a cat turns 10: you then pay a share of every bill, typically 20%, on top of the excess.</p>
<h2>Pre-existing conditions</h2>
<p>No policy covers an illness your pet had before the policy started, and most exclude anything that showed signs in the first 14 days. That is why we suggest insuring a puppy or kitten straight away, before anything is written in their records.</p>
<h2>What treatment costs</h2>
<table>
  <caption>Typical total costs at Fernbank in 2026, including tests, anaesthetic and follow-up visits</caption>
  <thead><tr><th>Treatment</th><th>Typical total</th></tr></thead>
  <tbody>
    <tr><td>Ear infection with a follow-up visit</td><td>£180 to £260</td></tr>
    <tr><td>Cat with diabetes, first year</td><td>about £1,400</td></tr>
    <tr><td>Surgery to remove something a dog has swallowed</td><td>£2,200 to £3,500</td></tr>
    <tr><td>Broken leg repaired with a plate</td><td>£2,900 to £4,200</td></tr>
    <tr><td>Cruciate ligament repair (TPLO) in a dog</td><td>about £3,800</td></tr>
  </tbody>
</table>
<h2>Questions to ask before you buy</h2>
<ul>
  <li>Does the cover per condition renew every year, or run out?</li>
  <li>Are dental illness, behaviour problems and complementary therapies covered?</li>
  <li>Does the premium rise steeply as your pet ages?</li>
  <li>Will the insurer pay the vet directly? See our <a href="/policies/">payment policy</a>.</li>
</ul>
</article>
""", "2025-10-14"))

pages.append(page("/privacy/", "Privacy and cookies", """
<h1>Privacy and cookies</h1>
<p>We keep your contact details and your pet's clinical records to look after your pet and to send you reminders. Clinical records are kept for seven years after your last visit, as our professional guidance recommends.</p>
<p>Vaccination reminders come by text or email; you can choose which, or turn them off, at reception.</p>
<p>This website sets one cookie, <code>fv_session</code>, which keeps you signed in to online booking. We do not use advertising or tracking cookies.</p>
<p>To see the information we hold about you or to ask us to delete it, email privacy@fernbankvets.example.</p>
""", "2026-01-10"))

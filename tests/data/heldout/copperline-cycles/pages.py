# The pages (hand-written content) of Copperline Cycles, a bike shop and workshop the project has never seen.
pages.append(page("/", "Bike shop and repair workshop in Ambleford", """
<h1>Bikes, repairs and hire in Ambleford</h1>
<p class="lead">Copperline Cycles has sold, fixed and hired out bikes from our workshop on Mill Lane since 2009. We are a short walk from Ambleford station and open six days a week.</p>
<h2>What we do</h2>
<ul>
  <li><a href="/repairs/">Repairs and servicing</a> for every kind of bike, including e-bikes and cargo bikes.</li>
  <li><a href="/bikes/">New bikes</a> from commuter hybrids to gravel bikes, with a free first service after six weeks.</li>
  <li><a href="/hire/">Bike hire</a> by the half day, day or week, with helmets and locks included.</li>
</ul>
<h2>Why riders come back</h2>
<p>Our three mechanics hold Cytech level 3, the highest workshop qualification in the UK trade. Every repair comes with a 90-day guarantee on the work we did.</p>
<p>Most services are ready the next working day. Book online or just drop in.</p>
""", "2026-09-14"))

pages.append(page("/repairs/", "Repairs and servicing", """
<h1>Repairs and servicing</h1>
<p>Book a service online, by phone, or drop your bike in before 10:00 for a same-day quote. We always call before doing work that costs more than we quoted.</p>
<h2>Service packages</h2>
<table>
  <caption>Service packages (prices include VAT, parts extra unless stated)</caption>
  <thead><tr><th>Package</th><th>Price</th><th>What is included</th><th>Usual turnaround</th></tr></thead>
  <tbody>
    <tr><td>Safety check</td><td>£25</td><td>Brakes, gears and tyres adjusted; bolts torqued</td><td>While you wait (30 minutes)</td></tr>
    <tr><td>Standard service</td><td>£65</td><td>Safety check plus drivetrain clean, wheel truing and cable lubrication</td><td>Next working day</td></tr>
    <tr><td>Full strip-down</td><td>£150</td><td>Every bearing serviced, new cables and brake pads fitted (parts included)</td><td>3 working days</td></tr>
  </tbody>
</table>
<h2>E-bikes</h2>
<p>E-bike services cost £20 more than the same package for a standard bike, because we also update the motor firmware and run a battery health report. We service Bosch, Shimano Steps and Fazua systems. We do not open or repair battery cells.</p>
<h2>Punctures</h2>
<p>A puncture repair costs £12 including the patch, or £18 with a new inner tube. Tubeless setups are £30 per wheel with sealant.</p>
<h2>Collection</h2>
<p>We collect and return bikes within 5 miles of the shop for £15 each way. Collections run on Tuesday and Thursday mornings.</p>
""", "2026-08-02"))

pages.append(page("/bikes/", "New bikes", """
<h1>New bikes</h1>
<p>Every new bike is built and checked in our workshop and comes with a free first service after six weeks, when cables have stretched.</p>
<table>
  <caption>Bikes in stock</caption>
  <thead><tr><th>Model</th><th>Type</th><th>Sizes</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Fellrunner 2</td><td>Hybrid</td><td>S, M, L</td><td>£649</td></tr>
    <tr><td>Ridgeway GR</td><td>Gravel</td><td>50, 53, 56, 58 cm</td><td>£1,299</td></tr>
    <tr><td>Tarn Junior 24</td><td>Children's (8 to 11 years)</td><td>24-inch wheels</td><td>£379</td></tr>
    <tr><td>Haulier Cargo</td><td>Cargo (two children or 80 kg)</td><td>One size</td><td>£2,450</td></tr>
  </tbody>
</table>
<h2>Trying before you buy</h2>
<p>Test rides are free on any bike in stock. Bring photo ID; we keep it while you ride.</p>
<h2>Cycle to work</h2>
<p>We accept Cyclescheme and Green Commute Initiative vouchers on every bike, e-bike and accessory.</p>
""", "2026-10-05"))

pages.append(page("/e-bikes/", "Electric bikes", """
<h1>Electric bikes</h1>
<p>Our e-bikes use mid-drive motors, which feel like natural pedalling and climb Ambleford's hills easily.</p>
<table>
  <caption>E-bike range</caption>
  <thead><tr><th>Model</th><th>Motor</th><th>Battery</th><th>Range</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Fellrunner E</td><td>Shimano EP6</td><td>504 Wh</td><td>up to 110 km</td><td>£2,799</td></tr>
    <tr><td>Haulier Cargo E</td><td>Bosch Cargo Line</td><td>2 × 500 Wh</td><td>up to 160 km</td><td>£5,650</td></tr>
    <tr><td>Fold E</td><td>Fazua Ride 60</td><td>430 Wh</td><td>up to 80 km</td><td>£2,950</td></tr>
  </tbody>
</table>
<h2>Charging</h2>
<p>A full charge takes about 4.5 hours from a normal household socket. The batteries keep around 80% of their capacity after 800 full charges.</p>
<h2>Test rides</h2>
<p>E-bike test rides last 45 minutes and need to be booked a day ahead, so the battery is charged.</p>
""", "2026-07-21"))

pages.append(page("/hire/", "Bike hire", """
<h1>Bike hire</h1>
<p>Explore the lakes and the valley trails on one of our hire bikes. Every hire includes a helmet, a lock, lights and a puncture kit.</p>
<table>
  <caption>Hire prices</caption>
  <thead><tr><th>Bike</th><th>Half day (4 hours)</th><th>Full day</th><th>Week</th></tr></thead>
  <tbody>
    <tr><td>Hybrid</td><td>£22</td><td>£35</td><td>£150</td></tr>
    <tr><td>E-bike</td><td>£40</td><td>£60</td><td>£280</td></tr>
    <tr><td>Child's bike or trailer</td><td>£12</td><td>£18</td><td>£70</td></tr>
  </tbody>
</table>
<h2>What to bring</h2>
<p>Bring photo ID and a card for the £100 deposit, which we hold and release when the bike comes back undamaged. Riders under 16 must hire with an adult.</p>
<h2>Routes</h2>
<p>We give every hirer a printed map of three routes: the 12 km Lakeshore loop (flat, good for families), the 28 km Valley circuit, and the 45 km Fell road for experienced riders.</p>
""", "2026-03-10"))

pages.append(page("/visit/", "Visit the shop", """
<h1>Visit the shop</h1>
<h2>Opening hours</h2>
<table>
  <thead><tr><th>Day</th><th>Shop</th><th>Workshop drop-off</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>Closed</td><td>Closed</td></tr>
    <tr><td>Tuesday to Friday</td><td>9:00 to 17:30</td><td>8:30 to 10:00</td></tr>
    <tr><td>Saturday</td><td>9:00 to 17:00</td><td>9:00 to 10:00</td></tr>
    <tr><td>Sunday</td><td>10:00 to 16:00 (April to September only)</td><td>No drop-off</td></tr>
  </tbody>
</table>
<p>On bank holidays we open 10:00 to 15:00 for hire returns only.</p>
<h2>Finding us</h2>
<p>We are at 14 Mill Lane, Ambleford LA9 4QP, opposite the old corn mill. From Ambleford station, walk down Station Road and take the second left: it is about 6 minutes.</p>
<p>There are four free customer parking spaces behind the shop; the entrance is on Tanner Street.</p>
<h2>Accessibility</h2>
<p>The shop floor is step-free. The workshop counter has a lowered section for wheelchair users.</p>
""", "2026-05-18"))

pages.append(page("/faq/", "Frequently asked questions", """
<h1>Frequently asked questions</h1>
<details><summary>Do new bikes come with a warranty?</summary><p>Frames carry the maker's lifetime warranty for the first owner; parts are covered for two years. Keep your receipt.</p></details>
<details><summary>Can I trade in my old bike?</summary><p>Yes. We value trade-ins in the shop and take the value off a new bike. We only accept bikes that are safe to ride or worth repairing.</p></details>
<details><summary>Which payment methods do you take?</summary><p>Cards, Apple Pay, Google Pay and cash. We no longer take cheques. Interest-free finance over 12 months is available on bikes over £500.</p></details>
<details><summary>Can I return something I bought?</summary><p>Unused accessories can be returned within 30 days with the receipt. Bikes that have been ridden outside can't be returned, but they are covered by the warranty.</p></details>
<details><summary>Do you fit parts I bought online?</summary><p>Yes, at our normal labour rate of £40 an hour, charged in 15-minute steps. We can't guarantee parts we did not supply.</p></details>
<details><summary>Do you sell second-hand bikes?</summary><p>Sometimes: refurbished trade-ins go on sale in the shop with a 3-month guarantee. We don't list them online because they sell quickly.</p></details>
<details><summary>Can you build a custom wheelset?</summary><p>Yes. Hand-built wheels take about two weeks and start at £320 a pair.</p></details>
<details><summary>Do you offer bike fitting?</summary><p>A basic fit is free with every new bike. A full fit with saddle-pressure mapping takes 90 minutes and costs £120.</p></details>
<details><summary>Is there somewhere to lock my bike while I shop?</summary><p>Yes, there are six Sheffield stands outside the front door.</p></details>
<details><summary>Do you do group rides?</summary><p>Our Saturday café ride leaves the shop at 8:00 every week from March to October. It is free, no-drop, and about 40 km.</p></details>
""", "2026-06-30"))

pages.append(page("/contact/", "Contact us", """
<h1>Contact us</h1>
<p>Call the shop on 01539 720 415 during opening hours, or email hello@copperlinecycles.example. We answer emails within one working day.</p>
<p>For workshop bookings, use the booking form on the repairs page or call. We can't take bookings by social media message.</p>
<h2>Press and sponsorship</h2>
<p>Email Priya at press@copperlinecycles.example.</p>
""", "2026-04-02"))

pages.append(page("/about/", "About Copperline Cycles", """
<h1>About us</h1>
<p>Priya Nandakumar opened Copperline Cycles in a former tannery on Mill Lane in 2009, after ten years as a mechanic for a professional road team. The shop is named after the copper-coloured frames she built in her first winter.</p>
<p>Today there are six of us: three mechanics, two people on the shop floor and Priya, who still works in the workshop on Fridays.</p>
<h2>In the community</h2>
<p>We sponsor the Ambleford Wheelers youth section and run free bike maintenance classes for schools every spring term.</p>
""", "2026-02-11"))

pages.append(page("/team/", "Our team", """
<h1>Our team</h1>
<ul>
  <li><strong>Priya Nandakumar</strong>: founder and owner; wheel building.</li>
  <li><strong>Tom Whitlock</strong>: head mechanic; e-bike systems and suspension.</li>
  <li><strong>Aisha Okafor</strong>: mechanic; road and gravel bikes.</li>
  <li><strong>Dan Reyes</strong>: mechanic; cargo bikes and adapted cycles.</li>
  <li><strong>Megan Hale</strong>: shop manager; hire and bike fitting.</li>
  <li><strong>Josh Lindqvist</strong>: sales; cycle to work schemes.</li>
</ul>
""", "2026-02-11"))

pages.append(page("/news/winter-service-offer/", "Winter service offer", """
<article>
<h1>Winter service offer: 20% off the standard service</h1>
<p><time datetime="2026-10-01">1 October 2026</time></p>
<p>Throughout November 2026, the standard service is 20% off: £52 instead of £65. Book by 30 November; the offer does not apply to e-bike services.</p>
<p>Winter grit wears chains and brake pads fast, so a service before the wet months pays for itself.</p>
</article>
""", "2026-10-01", '<meta property="article:published_time" content="2026-10-01">'))

pages.append(page("/news/hire-prices-2027/", "New hire prices from January 2027", """
<article>
<h1>New hire prices from January 2027</h1>
<p><time datetime="2026-11-20">20 November 2026</time></p>
<p>From 1 January 2027 a full day's hybrid hire costs £38 (it was £35) and a full day's e-bike hire £65 (it was £60). Half-day and weekly prices stay the same. Hires booked before 1 January keep the old price.</p>
<p>The rise pays for new lights and locks on the whole hire fleet.</p>
</article>
""", "2026-11-20", '<meta property="article:published_time" content="2026-11-20">'))

pages.append(page("/guides/choosing-a-frame-size/", "Choosing a frame size", """
<article>
<h1>Choosing the right frame size</h1>
<p>A bike that fits is faster, more comfortable and safer. Frame sizes vary between makers, so use this as a starting point and take a test ride.</p>
<h2>Size by height</h2>
<table>
  <thead><tr><th>Your height</th><th>Hybrid size</th><th>Gravel or road size</th></tr></thead>
  <tbody>
    <tr><td>155 to 165 cm</td><td>S</td><td>50 cm</td></tr>
    <tr><td>165 to 175 cm</td><td>M</td><td>53 cm</td></tr>
    <tr><td>175 to 185 cm</td><td>L</td><td>56 cm</td></tr>
    <tr><td>185 to 195 cm</td><td>XL</td><td>58 cm</td></tr>
  </tbody>
</table>
<h2>Standover height</h2>
<p>Stand over the top tube with your feet flat. You want 2 to 5 cm of clearance on a road or hybrid bike and more on a mountain bike.</p>
<h2>Reach</h2>
<p>With your hands on the bars your back should sit at about 45 degrees on a hybrid. If you feel stretched, a shorter stem (from £25 fitted) often fixes it without a new frame.</p>
<h2>Between sizes?</h2>
<p>Riders with long legs for their height usually prefer the larger size; riders with a longer torso the smaller one. We are happy to measure you in the shop.</p>
</article>
""", "2025-05-04"))

pages.append(page("/guides/winter-riding/", "Riding through winter", """
<article>
<h1>Riding through winter</h1>
<p>Ambleford's lanes stay rideable all year if your bike is ready for it.</p>
<h2>Lights</h2>
<p>The law requires a white front light and a red rear light after dark. We suggest at least 400 lumens at the front for unlit lanes.</p>
<h2>Tyres</h2>
<p>Wider tyres at lower pressure grip better in the wet. On icy mornings, studded tyres (from £45 each) are the safest choice.</p>
<h2>Mudguards</h2>
<p>Full mudguards keep you and your drivetrain cleaner; we fit them from £35 including labour.</p>
<h2>Cleaning</h2>
<p>Rinse road salt off with low-pressure water after every wet ride and re-oil the chain. Never use a pressure washer on bearings.</p>
</article>
""", "2025-11-12"))

pages.append(page("/careers/", "Careers", """
<h1>Work with us</h1>
<h2>Workshop mechanic (full time)</h2>
<p>We are looking for a mechanic with at least Cytech level 2 to join the workshop. The salary is £26,500 a year plus a £500 yearly tool allowance, 28 days' holiday and a staff discount of 30%.</p>
<p>Send your CV to jobs@copperlinecycles.example by 15 January 2027.</p>
""", "2026-11-01"))

pages.append(page("/privacy/", "Privacy and cookies", """
<h1>Privacy and cookies</h1>
<p>We keep your name, phone number and email address to manage repairs and hire bookings, and delete them two years after your last visit.</p>
<p>The website sets one cookie, <code>cc_basket</code>, to remember your basket. We do not use advertising or analytics cookies.</p>
<p>To ask for a copy of your data or its deletion, email privacy@copperlinecycles.example.</p>
""", "2026-01-15"))

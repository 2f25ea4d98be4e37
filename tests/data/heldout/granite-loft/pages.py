# The pages (hand-written content) of The Granite Loft, a bouldering and indoor climbing centre the project has never seen.
pages.append(page("/", "Bouldering and indoor climbing in Kelderby", """
<h1>Climbing for everyone, under one very old roof</h1>
<p class="lead">The Granite Loft opened in 2017 on the top two floors of Ferris Mill, the old wool mill on Tanners Wharf. Where the spinning frames once stood there are now padded bouldering floors, a lead wall that climbs up into the boiler house chimney, and a caf&eacute; with a view over the canal basin.</p>
<h2>What's here</h2>
<ul>
  <li><strong>The Cave</strong>, our main bouldering area, with new problems set every week.</li>
  <li><strong>The Chimney</strong>, our roped wall: top ropes, <a href="/the-centre/">auto-belays</a> and lead routes.</li>
  <li><a href="/courses/">Courses</a> for adults, from your very first climb to clipping your first lead route.</li>
  <li><a href="/kids/">Kids' clubs</a> every week in term time, holiday camps and <a href="/parties/">birthday parties</a>.</li>
  <li><a href="/cafe/">The Ledge</a>, our caf&eacute;, plus <a href="/gear-hire/">gear hire</a> and a small <a href="/shop/">shop</a> at reception.</li>
</ul>
<h2>New to climbing?</h2>
<p>You don't need any experience, any kit or a partner. Everyone starts with a short safety talk on their <a href="/first-visit/">first visit</a>, and our staff on the floor are always happy to suggest a problem or two to try. Wear something you can stretch in, and hire shoes when you arrive.</p>
<h2>Independent and local</h2>
<p>The Granite Loft was started by two Kelderby climbers who were tired of driving an hour to train. It is still owned and run by them, and every penny of the day pass goes back into the walls, the holds and the people who set them.</p>
<h2>Latest news</h2>
<p>Read about <a href="/news/new-prices-november-2026/">our new prices from November</a> and sign up for the <a href="/news/winter-bouldering-league-2027/">Winter Bouldering League</a>.</p>
""", "2026-11-02"))

pages.append(page("/prices/", "Day passes and prices", """
<h1>Day passes</h1>
<p>A day pass lets you climb for as long as you like on the day, in the Cave and on the Chimney (once you have been signed off for roped climbing). You can come and go as you please; just show your wristband at reception when you come back in.</p>
<h2>Entry prices</h2>
<table>
  <caption>Price of a day pass</caption>
  <thead><tr><th>Ticket</th><th>Peak</th><th>Off-peak</th></tr></thead>
  <tbody>
    <tr><td>Adult (18 and over)</td><td>£13.50</td><td>£11.00</td></tr>
    <tr><td>Student (with a valid student card)</td><td>£10.00</td><td>£10.00</td></tr>
    <tr><td>Junior (8 to 17)</td><td>£9.50</td><td>£8.00</td></tr>
    <tr><td>Little climber (4 to 7, Cave only, with a climbing adult)</td><td>£6.00</td><td>£5.00</td></tr>
    <tr><td>Family (two adults and two juniors)</td><td>£38.00</td><td>£31.00</td></tr>
  </tbody>
</table>
<p>Off-peak means Monday to Friday before 16:00, outside school holidays. Peak is every other time: weekday evenings, weekends, bank holidays and the whole of every school holiday.</p>
<h2>Good to know</h2>
<ul>
  <li>Your first visit also includes a free safety induction; see <a href="/first-visit/">your first visit</a>.</li>
  <li>Shoes and harnesses are not included. You can <a href="/gear-hire/">hire them</a> at reception.</li>
  <li>Spectators are free. Pick up a spectator wristband at reception; spectators can stay in the caf&eacute; and on the viewing balcony but not on the mats.</li>
  <li>If you climb more than once a week, a <a href="/memberships/">membership or 10-visit card</a> will work out cheaper.</li>
</ul>
""", "2026-03-02"))

pages.append(page("/memberships/", "Memberships and 10-visit cards", """
<h1>Memberships</h1>
<p>Climbing twice a week or more? A membership pays for itself quickly. Every membership gives unlimited climbing in the Cave and on the Chimney during opening hours, with no booking needed.</p>
<h2>Membership prices</h2>
<table>
  <thead><tr><th>Membership</th><th>Monthly by direct debit</th><th>Annual, paid in one go</th></tr></thead>
  <tbody>
    <tr><td>Adult</td><td>£49</td><td>£520</td></tr>
    <tr><td>Student</td><td>£41</td><td>£435</td></tr>
    <tr><td>Junior (8 to 17)</td><td>£30</td><td>£320</td></tr>
    <tr><td>Off-peak adult (weekdays before 16:00)</td><td>£36</td><td>£385</td></tr>
  </tbody>
</table>
<p>Monthly memberships have a three-month minimum term. Annual memberships start on the day you choose and can't be refunded part way through.</p>
<h2>What members get</h2>
<ul>
  <li>Unlimited climbing at any time your membership covers.</li>
  <li>One free guest pass every calendar month, for a friend who climbs with you.</li>
  <li>Use of the training room, with its board, campus rungs and free weights.</li>
  <li>Priority booking on new courses, a week before they go on general sale.</li>
</ul>
<h2>10-visit cards</h2>
<p>If you can't climb every week, a 10-visit card costs £115 for adults and £80 for juniors. It can be used at any time, peak or off-peak, and is valid for 12 months from the day you buy it. Cards can't be shared; each visit is logged against your climber account.</p>
<p>Join at reception or from your climber account online. You'll need to have done your <a href="/first-visit/">induction</a> first.</p>
""", "2026-03-02"))

pages.append(page("/first-visit/", "Your first visit and induction", """
<h1>Your first visit</h1>
<p>Everyone who climbs at the Granite Loft, however experienced, has a short safety induction before they start. It keeps you safe and tells you how our walls work.</p>
<h2>Before you come</h2>
<ol>
  <li>Register online from your phone or at the kiosk in reception. It takes about five minutes and you only do it once.</li>
  <li>Under-18s must be registered by a parent or guardian, who signs the consent form.</li>
  <li>Children under 14 must be supervised by a registered adult in the building at all times; children under 8 need that adult next to them on the mats.</li>
</ol>
<h2>Bouldering</h2>
<p>If you want to boulder, you'll have a free 20-minute induction with one of our floor staff: how to fall and land, where not to walk, and how to read the coloured grades in the Cave. Inductions start every half hour, on the hour and half hour, until two hours before closing.</p>
<h2>Auto-belays</h2>
<p>The auto-belays need no partner and no rope skills. After the bouldering induction we add a short demonstration of clipping in and out, and then you're free to go.</p>
<h2>Climbing with a rope and a partner</h2>
<p>To belay each other on the Chimney, you need to show us you can do it safely.</p>
<ul>
  <li><strong>Already belay?</strong> Book a free Belay Check. A member of staff watches you tie in and belay, and signs you off.</li>
  <li><strong>Never belayed?</strong> Book our Learn to Belay session: 90 minutes for two people, every Saturday and Sunday at 11:00, £25 a person. You'll leave able to climb together on the top ropes.</li>
</ul>
<p>Want to go further? Our <a href="/courses/">Learn to Climb and Learn to Lead courses</a> take you from the basics to leading.</p>
""", "2026-05-20"))

pages.append(page("/courses/", "Climbing courses for adults", """
<h1>Courses</h1>
<p>Our courses are taught in small groups of no more than six, by qualified instructors from our coaching team. All equipment is included, and you get a free day pass to practise in the week between sessions. Book at reception, by phone, or from your climber account; members can book a week earlier.</p>
<h2>Winter 2026 to 2027</h2>
<table>
  <thead><tr><th>Course</th><th>What you'll learn</th><th>When</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Learn to Climb (four weekly sessions of two hours)</td><td>Tying in, belaying, moving on the wall and lowering off, on the top ropes</td><td>Tuesdays 19:00 to 21:00, starting 10 November 2026 or 12 January 2027</td><td>£95</td></tr>
    <tr><td>Learn to Lead (three weekly sessions of two and a half hours)</td><td>Clipping, lead belaying, falling safely and reading a route</td><td>Sundays 17:00 to 19:30, starting 22 November 2026 or 7 February 2027</td><td>£110</td></tr>
    <tr><td>Bouldering technique clinic (one evening, 90 minutes)</td><td>Footwork, body position and how to fall well, in the Cave</td><td>Third Wednesday of each month, 19:30 to 21:00</td><td>£20</td></tr>
    <tr><td>Ladies' bouldering night (one evening, 90 minutes)</td><td>A relaxed coached session for women of any level</td><td>First Monday of each month, 19:00 to 20:30</td><td>£15</td></tr>
  </tbody>
</table>
<p>You must be 16 or over to join a course; under-18s need a parent or guardian to sign their registration. Learn to Lead is for people who already belay confidently on top ropes and can climb grade 5 or harder.</p>
<h2>Private coaching</h2>
<p>One-to-one coaching with any of our instructors costs £40 an hour, or £55 for two people sharing. Coaching is booked through reception.</p>
<h2>Cancellations</h2>
<p>If you cancel at least 14 days before a course starts, we refund you in full. After that, we can move you to a later course once, free of charge.</p>
""", "2026-09-14"))

pages.append(page("/kids/", "Kids' clubs and holiday camps", """
<h1>Kids' clubs</h1>
<p>Climbing builds strength, balance and nerve, and children take to it faster than anyone. Our weekly clubs run in school term time, ten weeks a term, and are coached by our youth team. Each child climbs with children of the same age, and they move up a club when they're ready rather than on their birthday.</p>
<h2>Weekly clubs</h2>
<table>
  <caption>Clubs run in school term time; price is for a ten-week term</caption>
  <thead><tr><th>Club</th><th>Ages</th><th>Day and time</th><th>Price per term</th></tr></thead>
  <tbody>
    <tr><td>Pebbles</td><td>5 to 7</td><td>Saturday 9:00 to 10:00</td><td>£85</td></tr>
    <tr><td>Crag Rats</td><td>8 to 12</td><td>Tuesday 17:00 to 18:30, or Saturday 10:30 to 12:00</td><td>£110</td></tr>
    <tr><td>Youth Squad</td><td>13 to 17</td><td>Thursday 17:30 to 19:30</td><td>£135</td></tr>
  </tbody>
</table>
<p>Pebbles is all bouldering and games. Crag Rats climb in the Cave and on the top ropes with a coach holding the rope. Youth Squad is for keen young climbers who want to train, learn to belay each other and, if they like, enter regional youth competitions.</p>
<p>If your child would like to try before you commit to a term, book a taster session for £10. If they join, the £10 comes off the term.</p>
<h2>Holiday camps</h2>
<p>In every school holiday except Christmas we run morning camps for ages 7 to 14, from 9:30 to 12:30, at £22 a morning. Children climb, play games and learn knots, and have a break for a snack from the Ledge.</p>
<h2>Booking</h2>
<p>Places are booked for the whole term through your climber account, and the clubs fill up quickly; the waiting list for Saturday Crag Rats opens four weeks before each term. Ravi Mistry looks after all our kids' clubs; you can email him at youth@graniteloft.example.</p>
""", "2026-08-24"))

pages.append(page("/parties/", "Climbing birthday parties", """
<h1>Birthday parties</h1>
<p>A climbing party is the one where nobody sits still. Our parties are for children aged 6 to 15, with one of our instructors running the climbing from start to finish.</p>
<h2>How a party works</h2>
<ul>
  <li>An hour of climbing: bouldering in the Cave and, for over-8s, a go on the auto-belays.</li>
  <li>Then 45 minutes in our party room, next to the Ledge caf&eacute;, for food, cake and presents.</li>
  <li>Shoes and any other kit are included, and every child gets a certificate.</li>
</ul>
<h2>Prices and times</h2>
<table>
  <thead><tr><th>What</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Party for up to 10 children</td><td>£180</td></tr>
    <tr><td>Each extra child, up to 16 in total</td><td>£15</td></tr>
    <tr><td>Party box from the Ledge (sandwich, crisps, fruit, juice and a cookie)</td><td>£6.50 a child</td></tr>
  </tbody>
</table>
<p>Party slots are Saturdays and Sundays at 13:00 and 15:00, and Fridays at 17:30. You're welcome to bring your own birthday cake; we'll light the candles and lend you a knife.</p>
<h2>Booking</h2>
<p>Ring reception or email parties@graniteloft.example to check a date. We ask for a £50 deposit to hold the slot, and the rest on the day. Every child's parent or guardian must register them online before the party; we can't let anyone climb without a signed consent form.</p>
<p>If you cancel more than 14 days before the party we refund the deposit; after that, we can move the party to another date once.</p>
""", "2026-06-11"))

pages.append(page("/the-centre/", "The walls and facilities", """
<h1>The walls</h1>
<p>Ferris Mill was built in 1868 to spin wool. We took over its top two floors and its boiler house in 2016, and after a year of building work opened the Granite Loft in the spring of 2017.</p>
<h2>The Cave</h2>
<p>Our main bouldering area fills the old spinning floor: 400 square metres of walls up to 4.5 metres high, over deep padded matting. There are about 180 problems up at any time, colour-coded from yellow (easiest) to black. Our setters reset one section every week, so the whole Cave changes every six weeks.</p>
<h2>The Chimney</h2>
<p>The old boiler house gives our roped wall its height: the tallest lines are 15 metres, running up the inside of the brick chimney. There are 28 top-rope lines and a steep lead wall, with all ropes provided and checked daily by our staff.</p>
<img src="/images/chimney-wall.jpg" alt="The Chimney lead wall from the floor, with the row of 12 auto-belay lines along its left-hand side">
<h2>Training room</h2>
<p>Upstairs from the Cave, the training room has a 40-degree board with an app-controlled light system, campus rungs, fingerboards, free weights and a stretching area. It is for members and for day pass holders aged 16 and over.</p>
<h2>Changing rooms and lockers</h2>
<p>There are changing rooms on the ground floor by reception. Lockers are in the corridor outside and take a £1 coin, which you get back when you open it. Please don't leave bags on the mats or at the foot of the walls.</p>
<h2>Access</h2>
<p>There is a lift to every floor, and an accessible toilet by reception. Our coaches run adaptive climbing sessions by arrangement; ring reception to talk it through.</p>
""", "2026-04-15"))

pages.append(page("/cafe/", "The Ledge caf&eacute;", """
<h1>The Ledge</h1>
<p>The Ledge sits on the mezzanine above the Cave, with a long window over the canal basin on one side and a view of the bouldering on the other. It is open to everyone, climbing or not, so it's a good place for a coffee while your children are at club.</p>
<h2>When we're open</h2>
<table>
  <thead><tr><th>Day</th><th>Caf&eacute; open</th><th>Hot food</th></tr></thead>
  <tbody>
    <tr><td>Monday to Friday</td><td>9:30 to 21:00</td><td>11:30 to 20:00</td></tr>
    <tr><td>Saturday and Sunday</td><td>9:00 to 18:30</td><td>9:00 to 17:00</td></tr>
  </tbody>
</table>
<h2>On the menu</h2>
<h3>Mornings</h3>
<ul>
  <li>Overnight oats with banana and peanut butter: £4.50</li>
  <li>Smashed avocado on sourdough toast: £6.75</li>
  <li>Breakfast burrito with egg, beans and cheese: £6.95</li>
</ul>
<h3>Lunch and evening</h3>
<ul>
  <li>Soup of the day with bread: £5.95</li>
  <li>Loaded nachos to share: £8.50</li>
  <li>Chicken or halloumi wrap with slaw: £7.95</li>
  <li>Mac and cheese with garlic bread: £8.25</li>
  <li>Kids' meal (pasta, a piece of fruit and a juice): £5.25</li>
</ul>
<h3>Snacks and drinks</h3>
<ul>
  <li>Flapjack, brownie or cookie from the counter: £2.80</li>
  <li>Protein balls, two for £2.50</li>
  <li>Coffee, tea, hot chocolate, juices, soft drinks and sports drinks all day</li>
</ul>
<p>Everything savoury is cooked in our own kitchen, and there is always a gluten-free cake. Please ask the counter about allergens. Climbing shoes stay downstairs: the Ledge is a chalk-free zone.</p>
""", "2026-07-03"))

pages.append(page("/gear-hire/", "Gear hire", """
<h1>Gear hire</h1>
<p>You don't need to own anything to climb here. Everything below can be hired at reception for the whole of your visit; just hand it back when you leave.</p>
<table>
  <caption>Hire prices, per visit</caption>
  <thead><tr><th>Item</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Climbing shoes</td><td>£4.00</td></tr>
    <tr><td>Harness</td><td>£3.00</td></tr>
    <tr><td>Shoes and harness together</td><td>£6.00</td></tr>
    <tr><td>Belay device and screwgate karabiner</td><td>£2.00</td></tr>
    <tr><td>Chalk bag, filled</td><td>£1.50</td></tr>
  </tbody>
</table>
<h2>Climbing shoes</h2>
<p>Our hire shoes come in UK sizes 1 to 13, in flat, comfortable shapes that suit beginners. Climbing shoes should be snug, so we usually suggest half a size down from your street shoes. Please wear socks if you'd like to; plenty of people do with hire shoes.</p>
<h2>Looking after the kit</h2>
<p>Every shoe is sprayed and aired after use, and every harness and belay device is checked before it goes back on the rack. If you think anything you've hired is damaged, please bring it straight back to reception rather than using it.</p>
<h2>Children</h2>
<p>Children under 8 only climb in the Cave, so they only need shoes. Kids' club members have shoes included in the term price.</p>
<p>If you enjoy climbing, buying your own shoes is the first thing that makes a difference. The <a href="/shop/">shop</a> at reception has a fitting bench and staff who will help.</p>
""", "2026-03-02"))

pages.append(page("/shop/", "The shop", """
<h1>The shop</h1>
<p>Our small shop is behind the reception desk. We don't try to stock everything, but what we sell has been tried on our own walls by our staff, and it's all at the same prices as the big online retailers.</p>
<h2>What we stock</h2>
<ul>
  <li><strong>Climbing shoes</strong> from La Sportiva, Scarpa and Evolv, from beginners' shoes at £75 to performance shoes. Try them on at the fitting bench and climb a problem or two in them before you decide.</li>
  <li><strong>Chalk</strong>: loose chalk, chalk balls and liquid chalk, from £3.50.</li>
  <li><strong>Chalk bags and buckets</strong>, including our own Granite Loft chalk bag in grey and orange for £16.</li>
  <li><strong>Harnesses and belay devices</strong>, a small range for people starting to climb with a partner.</li>
  <li><strong>Brushes, finger tape and skin balm</strong> for looking after your hands.</li>
  <li><strong>Granite Loft T-shirts and hoodies</strong>, printed in Kelderby.</li>
</ul>
<h2>Resoling</h2>
<p>When the rubber on your shoes wears through at the toes, don't throw them away. We send shoes to a specialist workshop to be resoled: £42 a pair, with new rands at the toe for £12 more if they need them. Hand them in at reception; they come back in about three weeks.</p>
<h2>Trying before buying</h2>
<p>Not sure what suits you? Ask at reception for a demo pair of any of our shoes to climb in for a session, free, when you buy a day pass.</p>
""", "2026-05-06"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <thead><tr><th>Day</th><th>Climbing</th></tr></thead>
  <tbody>
    <tr><td>Monday to Friday</td><td>10:00 to 22:00</td></tr>
    <tr><td>Saturday and Sunday</td><td>9:00 to 19:00</td></tr>
    <tr><td>Bank holidays</td><td>10:00 to 18:00</td></tr>
  </tbody>
</table>
<p>Last entry is one hour before we close, and the mats are cleared fifteen minutes before closing time. The <a href="/cafe/">Ledge caf&eacute;</a> keeps its own hours.</p>
<p>The Chimney closes for route setting on Tuesday mornings until 13:00; the Cave stays open as usual. Parts of the Cave close in turn for our weekly reset, which we post on the board by reception.</p>
<h2>Christmas and New Year 2026</h2>
<table>
  <thead><tr><th>Date</th><th>Climbing</th></tr></thead>
  <tbody>
    <tr><td>Thursday 24 December (Christmas Eve)</td><td>9:00 to 15:00</td></tr>
    <tr><td>Friday 25 December (Christmas Day)</td><td>Closed</td></tr>
    <tr><td>Saturday 26 December (Boxing Day)</td><td>12:00 to 18:00</td></tr>
    <tr><td>Sunday 27 December to Wednesday 30 December</td><td>10:00 to 19:00</td></tr>
    <tr><td>Thursday 31 December (New Year's Eve)</td><td>10:00 to 16:00</td></tr>
    <tr><td>Friday 1 January (New Year's Day)</td><td>Closed</td></tr>
  </tbody>
</table>
<p>From Saturday 2 January 2027 we are back to our usual hours. All days between Christmas Eve and New Year's Day count as peak.</p>
""", "2026-10-28"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding the Granite Loft</h1>
<p>We are on the top two floors of Ferris Mill, the tall brick mill on the far side of the canal basin: The Granite Loft, Ferris Mill, Tanners Wharf, Kelderby KD4 2TW. Reception is on 01632 960 318, and you can email hello@graniteloft.example.</p>
<p>The entrance is at the canal end of the mill, through the blue doors under the clock. Take the lift or the stairs to the second floor for reception.</p>
<h2>By train</h2>
<p>Kelderby station is a ten-minute walk. Leave by the main exit, turn left down Station Hill, and follow the towpath signs for Tanners Wharf; cross the footbridge over the basin and the mill is in front of you.</p>
<h2>By bus</h2>
<p>The 12 and 12A from Kelderby bus station stop on Wharf Road, two minutes from the mill, every 15 minutes during the day.</p>
<h2>By car and parking</h2>
<p>We don't have our own car park. The Tanners Wharf car park, run by Kelderby Council, is next to the mill, and members and day pass holders can have their ticket stamped at reception for three hours' parking at a reduced rate of £2. There are two disabled bays right outside the mill door; ask at reception and we'll bring the lift down for you.</p>
<h2>By bike</h2>
<p>There are covered cycle racks inside the mill yard, reached from the towpath, and the yard gate is locked at night after we close.</p>
""", "2026-01-19"))

pages.append(page("/team/", "Our team", """
<h1>Who's who</h1>
<section>
<h3>Hannah Ridley and Marcus Oyelaran, founders</h3>
<p>Hannah and Marcus met on a wet weekend at a northern crag and spent the next six years looking for a building in Kelderby with enough height for a climbing wall. Hannah runs the business side; Marcus looks after the building and still sets the occasional problem.</p>
</section>
<section>
<h3>Kit Shawcross, head routesetter</h3>
<p>Kit leads our team of four setters and plans the weekly resets in the Cave and on the Chimney. If a problem is feeling impossible, Kit probably set it.</p>
</section>
<section>
<h3>Jo Pennock, head coach</h3>
<p>Jo is a qualified Climbing Wall Instructor and has been coaching for fifteen years. She runs the adult courses and private coaching, and trains all our instructors.</p>
</section>
<section>
<h3>Ravi Mistry, youth coach</h3>
<p>Ravi leads Pebbles, Crag Rats and Youth Squad, and our holiday camps. He competed for the regional youth squad himself as a teenager.</p>
</section>
<section>
<h3>Maeve Donnelly, caf&eacute; manager</h3>
<p>Maeve runs the Ledge and its kitchen. Her peanut butter flapjack is the reason some members come in on rest days.</p>
</section>
<section>
<h3>Sol Varga, centre manager</h3>
<p>Sol looks after the day-to-day running of the centre, the duty staff and the safety checks, and handles groups and school bookings.</p>
</section>
""", "2026-02-26"))

pages.append(page("/groups/", "Schools, youth groups and team sessions", """
<h1>Groups</h1>
<p>We welcome schools, Scouts and Guides, youth clubs, stag and hen parties and workplaces. Every group session is run by our instructors, with all kit included, and can be bouldering, roped climbing or a mix of both.</p>
<h2>Schools and youth groups</h2>
<p>During school hours we run sessions for school groups of up to 24 pupils, with one instructor for every eight climbers. Sessions last 90 minutes and cost £12 per pupil; teachers and helpers are free. Groups of 20 or more get a 10% discount. We can link a session to PE and Duke of Edinburgh's Award work, and we provide a risk assessment in advance.</p>
<p>Scout, Guide and youth club sessions run on weekday evenings from 18:00, at the same price.</p>
<h2>Team sessions for work</h2>
<p>Our team sessions are a two-hour evening of coached bouldering and a friendly competition, followed by food in the Ledge. They cost £28 per person for groups of 8 to 30, including a hot dish and a soft drink. Sessions run Monday to Thursday from 19:00, and we can keep a corner of the Ledge for you afterwards.</p>
<h2>Booking</h2>
<p>Email groups@graniteloft.example with the size of your group, their ages and the dates you have in mind, and Sol will come back to you within two working days. Every climber, or their parent or guardian for under-18s, must register online before the session.</p>
""", "2026-04-02"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>Do I need to book?</summary><p>You don't need to book to boulder or to use the auto-belays; just turn up. We only ask you to book ahead for Learn to Belay, Belay Checks, courses, clubs and parties.</p></details>
<details><summary>What should I wear?</summary><p>Anything you can move and stretch in: leggings or loose trousers and a T-shirt are ideal. Take off rings and watches, and tie back long hair. You'll climb in climbing shoes, which you can hire at reception.</p></details>
<details><summary>Can I climb if I'm pregnant?</summary><p>Please talk to your midwife or doctor first. We ask pregnant climbers not to boulder, because of the risk of falling onto the mats, but you're welcome to use the top ropes with a full-body harness, which we lend free of charge. Let reception know and we'll sort it out.</p></details>
<details><summary>Can I put my membership on hold?</summary><p>Yes. If you're injured, ill or travelling, we can freeze a monthly membership for up to three months in a year, for £5 a month. Ask at reception or email hello@graniteloft.example at least a week before your next payment.</p></details>
<details><summary>Can I use my own shoes, harness and chalk?</summary><p>Yes, of course. Please use a chalk ball or liquid chalk in the Cave, as loose chalk gets everywhere. We check every harness and belay device before you use them on the Chimney.</p></details>
<details><summary>Are there showers?</summary><p>Yes, there are two showers in each changing room. Please bring your own towel; we don't hire them out.</p></details>
<details><summary>Can teenagers come on their own?</summary><p>Climbers aged 14 to 17 can climb without an adult once a parent or guardian has registered them and they have done their induction. Under-14s must always be supervised by a registered adult in the building.</p></details>
<details><summary>What happens if I hurt myself?</summary><p>There is always a trained first aider on duty, and a defibrillator at reception. Tell any member of staff straight away.</p></details>
<details><summary>What does the cookie on this site do?</summary><p>Just one: it keeps you signed in to your climber account so you can book and see your visits. We don't use advertising cookies.</p></details>
""", "2026-06-25"))

pages.append(page("/news/new-prices-november-2026/", "New prices from 2 November 2026", """
<article>
<h1>New prices from Monday 2 November 2026</h1>
<p><time datetime="2026-11-02">2 November 2026</time></p>
<p>We haven't changed our prices since March 2023. Since then our electricity bill for the mill has nearly doubled, and we have replaced all the matting in the Cave and several thousand holds. So, from today, a few prices are going up:</p>
<ul>
  <li>Adult peak day pass: £14.50 (it was £13.50).</li>
  <li>Adult monthly membership: £54 (it was £49). If you joined before 2 November, you keep paying £49 until 1 February 2027.</li>
  <li>Climbing shoe hire: £4.50 (it was £4.00), and shoes and harness together: £6.50 (it was £6.00).</li>
</ul>
<p>Everything else stays the same: off-peak, student, junior and family day passes, all annual memberships, 10-visit cards, courses, clubs and parties.</p>
<p>Your day pass money pays for the walls you climb on. Over the next year it will also pay for a second setter on Tuesdays, so the Chimney gets new routes every fortnight, and for new LED lighting in the Cave, which should bring that electricity bill back down.</p>
<p>The prices and memberships pages will be updated shortly. If you have any questions, ask at reception or email hello@graniteloft.example.</p>
<p>Thank you for climbing with an independent wall. Hannah and Marcus.</p>
</article>
""", "2026-11-02", '<meta property="article:published_time" content="2026-11-02">'))

pages.append(page("/news/winter-bouldering-league-2027/", "The Winter Bouldering League 2027", """
<article>
<h1>The Winter Bouldering League is back</h1>
<p><time datetime="2026-10-12">12 October 2026</time></p>
<p>Our friendly bouldering competition returns for its fifth winter. The first round is on Thursday 14 January 2027, and there are six rounds in all, every other Thursday, ending on 25 March.</p>
<p>Kit and the setting team will put up a fresh circuit of twenty problems for each round. You can climb the circuit any time from the Thursday until the following Wednesday, scoring your tops on a card, so you don't have to be there on the night. There are categories for beginners, intermediates and open climbers, plus a junior category for under-16s.</p>
<p>Entry costs £25 for the whole league, on top of your usual entry or membership, and includes a league T-shirt. The prize night, with a buffet in the Ledge and prizes from our shop, is on Saturday 3 April.</p>
<p>Sign up at reception or from your climber account. Entries close on 10 January.</p>
</article>
""", "2026-10-12", '<meta property="article:published_time" content="2026-10-12">'))

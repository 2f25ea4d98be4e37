# The pages (hand-written content) of Millbrook Pottery, a pottery studio with classes, a kiln-firing service and a shop the project has never seen.
pages.append(page("/", "Pottery classes, kiln firing and handmade pots in Ambersett", """
<h1>A working pottery in the old corn mill</h1>
<p class="lead">Millbrook Pottery has been making pots beside the Mill Brook since 2011, when Hester Wrayburn took on the ground floor of the derelict corn mill on Brook Street with one wheel, a second-hand kiln and a lot of optimism. Today the mill is home to a teaching studio with ten wheels, a firing room, a shop and five people who would rather be covered in clay than anywhere else.</p>
<img src="/images/mill-studio.jpg" alt="The studio in the old corn mill, with the mill wheel visible through the long window">
<h2>What we do</h2>
<ul>
  <li><a href="/classes/">Courses for adults</a> on the wheel and by hand, for complete beginners and for people who want to get better.</li>
  <li><a href="/taster-sessions/">Two-hour tasters</a> for anyone who wants to find out whether pottery is for them.</li>
  <li><a href="/childrens-classes/">Clay Club</a> for children on Saturday mornings.</li>
  <li><a href="/open-studio/">Studio membership</a> for potters who have finished a course and want to keep going.</li>
  <li>A <a href="/kiln-firing/">kiln-firing service</a> for potters, schools and clubs without a kiln of their own.</li>
  <li><a href="/shop/">The shop</a>, selling our own tableware alongside work by makers from around Ambersett, and <a href="/clay-and-materials/">clay and tools</a> to take home.</li>
</ul>
<h2>Made here</h2>
<p>Everything with the Millbrook stamp on its base was thrown, turned, glazed and fired in this building. Our glazes are mixed in the studio from our own recipes, and the blue-green one we are best known for, Brook, was named after the water that runs under the floor.</p>
<h2>Latest news</h2>
<p>Our <a href="/news/christmas-fair-2026/">Christmas Makers' Fair</a> is coming up, and there is <a href="/news/kiln-firing-2026/">news about the firing service</a> now that our second kiln is in.</p>
""", "2026-10-12"))

pages.append(page("/classes/", "Pottery courses for adults", """
<h1>Courses for adults</h1>
<p>Our courses run in three terms a year, starting in January, April and September, and each group has no more than eight people, so there is always a wheel for everyone and time for the tutor to help you one to one. Courses are for adults aged 16 and over; younger potters are welcome at <a href="/childrens-classes/">Clay Club</a>.</p>
<h2>Courses and prices</h2>
<table>
  <caption>Adult courses, spring term 2027</caption>
  <thead><tr><th>Course</th><th>When</th><th>Length</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Beginners' wheel course (evening)</td><td>Tuesday, 18:30 to 21:00, from 12 January</td><td>6 weeks</td><td>£225</td></tr>
    <tr><td>Beginners' wheel course (daytime)</td><td>Thursday, 10:00 to 12:30, from 14 January</td><td>6 weeks</td><td>£225</td></tr>
    <tr><td>Improvers' wheel course</td><td>Wednesday, 18:30 to 21:00, from 13 January</td><td>8 weeks</td><td>£310</td></tr>
    <tr><td>Hand-building: pinch, coil and slab</td><td>Monday, 19:00 to 21:30, from 11 January</td><td>6 weeks</td><td>£195</td></tr>
    <tr><td>Saturday wheel day</td><td>Second Saturday of the month, 10:00 to 16:00</td><td>1 day</td><td>£95</td></tr>
  </tbody>
</table>
<h2>What's included</h2>
<p>The price covers your tutor, 10 kg of clay, all our studio glazes and the firing of everything you make during the course. If you get through more than 10 kg, extra clay is charged at cost. Tools are provided, and you are welcome to bring your own.</p>
<h2>Which course is for me?</h2>
<p>If you have never sat at a wheel, start with a beginners' course: you will learn to centre, open and pull up a cylinder, then make mugs and bowls, trim them and glaze them. The improvers' course is for anyone who can centre reliably and wants to work on lidded pots, handles, larger forms and glazing. The hand-building course needs no wheel experience at all and suits people who prefer sculptural pieces, planters and slab-built dishes.</p>
<p>The Saturday wheel day is a full day on the wheel with lunch breaks on the riverside bench, for beginners and returners alike.</p>
<p>Booking opens on 1 December for the spring term. Read our <a href="/booking-terms/">booking and cancellation terms</a> before you book.</p>
""", "2026-11-02"))

pages.append(page("/taster-sessions/", "Pottery taster sessions", """
<h1>Have a go on the wheel</h1>
<p>Not sure whether pottery is for you? Our two-hour taster is the easiest way to find out. One of our potters shows you how to centre the clay and throw a simple pot, then you get your hands dirty on your own wheel, with help whenever you need it. Most people make three or four pieces.</p>
<h2>Times and prices</h2>
<table>
  <thead><tr><th>Session</th><th>When</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Wheel taster</td><td>Sunday, 10:30 to 12:30 and 14:00 to 16:00</td><td>£48 per person</td></tr>
    <tr><td>Wheel taster</td><td>Friday, 14:00 to 16:00</td><td>£48 per person</td></tr>
    <tr><td>Date night on the wheel</td><td>Friday, 19:00 to 21:00</td><td>£90 for two</td></tr>
  </tbody>
</table>
<p>Date night is the same session for couples, friends or a parent and grown-up child, each at your own wheel side by side, with no more than seven pairs in the studio.</p>
<h2>What happens to my pots?</h2>
<p>At the end of the session you choose your two favourite pieces. We trim them, bisque fire them, dip them in the glaze colour you picked and fire them again, and they are ready to collect from the shop about four weeks later. If you would like to glaze them yourself, you can book a one-hour glazing session for £15 and return to the studio a fortnight after your taster.</p>
<h2>Good to know</h2>
<ul>
  <li>Tasters are for ages 12 and over; under-16s must come with a paying adult.</li>
  <li>Wear clothes you don't mind getting clay on and keep your nails short.</li>
  <li>A taster makes a good present: ask about a <a href="/gift-vouchers/">taster voucher</a>.</li>
</ul>
""", "2026-08-18"))

pages.append(page("/childrens-classes/", "Clay Club for children", """
<h1>Clay Club</h1>
<p>Clay Club is our Saturday morning club for children aged 7 to 12. Over a term they pinch, coil and roll slabs, make animals, pots, tiles and the occasional dragon, and try the wheel once they are ready. Everything they make is glazed and fired, and comes home at the end of term in a box with their name on it.</p>
<h2>When and how much</h2>
<table>
  <thead><tr><th>Group</th><th>Time</th><th>Term price</th></tr></thead>
  <tbody>
    <tr><td>Clay Club, ages 7 to 9</td><td>Saturday, 9:30 to 10:45</td><td>£84 for 6 weeks</td></tr>
    <tr><td>Clay Club, ages 10 to 12</td><td>Saturday, 11:15 to 12:45</td><td>£96 for 6 weeks</td></tr>
  </tbody>
</table>
<p>A single drop-in session, when there is a space, costs £16. Brothers and sisters booked for the same term get £10 off the second place.</p>
<h2>Holiday workshops</h2>
<p>In the February and October half terms we run two-hour holiday workshops on Tuesday and Thursday mornings, each with a theme: monsters, mini plant pots, tiles for the garden. They cost £22 and are open to ages 7 to 12, whether or not your child comes to Clay Club.</p>
<h2>Safety and supervision</h2>
<p>Clay Club is led by Sunil Desai with an assistant, so there are never more than five children to each adult. Our staff hold enhanced DBS checks. Parents are welcome to stay in the shop, but most prefer a coffee in town; please collect your child on time.</p>
<p>Send your child in old clothes and shoes with closed toes. We provide aprons, tools and all materials.</p>
""", "2026-09-01"))

pages.append(page("/open-studio/", "Studio membership", """
<h1>Studio membership</h1>
<p>Finished a course and don't want to stop? Studio membership lets you work on your own in our studio during open studio hours, using our wheels, tools, glazes and kilns, without a tutor but with a potter on hand to ask. You'll find the hours on our <a href="/opening-hours/">opening times</a> page.</p>
<h2>Membership options</h2>
<table>
  <thead><tr><th>Membership</th><th>Studio time</th><th>Shelf space</th><th>Price per month</th></tr></thead>
  <tbody>
    <tr><td>Casual</td><td>10 hours a month</td><td>One shared shelf</td><td>£55</td></tr>
    <tr><td>Regular</td><td>24 hours a month</td><td>One shelf of your own</td><td>£95</td></tr>
    <tr><td>Full</td><td>Unlimited during open studio hours</td><td>Two shelves and a locker</td><td>£150</td></tr>
  </tbody>
</table>
<p>Memberships run month to month and can be stopped with one month's notice. Unused hours don't carry over to the next month.</p>
<h2>What's included</h2>
<ul>
  <li>Use of a wheel, the wedging bench, slab roller, extruder and all studio tools.</li>
  <li>All our studio glazes.</li>
  <li>Firing of your work, up to two shelves a month in each kiln; beyond that, firing is charged at the usual shelf price.</li>
  <li>10% off clay and tools bought in the shop.</li>
</ul>
<p>Members buy their own clay, and it must be one of the clays we stock, so we know it will survive our firings.</p>
<h2>Joining</h2>
<p>Membership is open to anyone who has completed one of our courses, or who can show us they throw and glaze confidently in a half-hour induction (free). Wheel time is booked through the members' calendar, up to two weeks ahead; most evenings fill up first, so daytime members rarely wait for a wheel.</p>
<p>There is a waiting list for Regular and Full memberships from time to time. Ask Daisy in the shop to add your name.</p>
""", "2026-06-22"))

pages.append(page("/kiln-firing/", "Kiln-firing service", """
<h1>Kiln-firing service</h1>
<p>Plenty of potters who don't have a kiln make beautiful work at home, in schools and in community groups, and then have nowhere to fire it. Our firing service is for you. Bring your pieces to the studio, we fire them in our electric kiln, and you collect them from the shop.</p>
<img src="/images/firing-room.jpg" alt="Our big electric kiln in the firing room, which fits a single piece up to 58 cm tall">
<h2>Prices</h2>
<table>
  <caption>Firing prices from September 2025</caption>
  <thead><tr><th>Firing</th><th>Temperature</th><th>Per shelf</th><th>Whole kiln</th></tr></thead>
  <tbody>
    <tr><td>Bisque</td><td>1000°C</td><td>£13</td><td>£80</td></tr>
    <tr><td>Earthenware glaze</td><td>1120°C</td><td>£15</td><td>£95</td></tr>
    <tr><td>Stoneware glaze</td><td>1260°C</td><td>£18</td><td>£110</td></tr>
  </tbody>
</table>
<p>A shelf is 40 cm across and holds pieces up to 18 cm tall. Taller pieces that need the room of two shelves are charged as two. A whole kiln holds six shelves, and booking the whole kiln means you can load it yourself with our technician.</p>
<h2>Turnaround</h2>
<p>Firings are usually ready ten working days after you drop them off. We will text you when your work is ready to collect.</p>
<h2>Before you bring your work</h2>
<ul>
  <li>Work for bisque firing must be bone dry. If it feels cold against your cheek, it is still damp.</li>
  <li>Glazed work must be clean underneath, with no glaze on the foot or for 5 mm above it.</li>
  <li>Label every glaze with its firing temperature. We can only fire commercial glazes and glazes from our own studio; home-mixed recipes need a test tile first.</li>
  <li>Clay bought from us is always safe to fire here. If you use another clay, tell us which.</li>
</ul>
<p>We take great care, but firing has risks. We can't be responsible for pieces that crack, explode or run because of trapped air, damp clay or an unsuitable glaze, and glaze that runs onto our shelves is charged at £10 for a shelf repair.</p>
<p>Drop-off times are on our <a href="/opening-hours/">opening times</a> page.</p>
""", "2025-09-15"))

pages.append(page("/shop/", "The shop", """
<h1>The shop</h1>
<p>The shop is the first thing you see when you come through the mill door. Half of it holds our own tableware, made in the studio behind it; the other half is given over to twelve local makers, all working within twenty miles of Ambersett, whose jewellery, prints, wooden spoons, textiles and ceramics we choose ourselves.</p>
<h2>Millbrook tableware</h2>
<p>Our tableware is thrown in stoneware and fired to 1260°C, so it is hard-wearing enough for every day. It comes in three glazes: Brook, a blue-green celadon; Oatmeal, a speckled cream; and Tenmoku, a deep brown-black that breaks to rust on the rims.</p>
<table>
  <thead><tr><th>Piece</th><th>Size</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Mug</td><td>350 ml</td><td>£24</td></tr>
    <tr><td>Breakfast bowl</td><td>16 cm</td><td>£22</td></tr>
    <tr><td>Pasta bowl</td><td>23 cm</td><td>£34</td></tr>
    <tr><td>Side plate</td><td>20 cm</td><td>£20</td></tr>
    <tr><td>Dinner plate</td><td>27 cm</td><td>£32</td></tr>
    <tr><td>Jug</td><td>1 litre</td><td>£48</td></tr>
    <tr><td>Teapot</td><td>Four cups</td><td>£85</td></tr>
    <tr><td>Bud vase</td><td>12 cm</td><td>£18</td></tr>
  </tbody>
</table>
<p>Every piece is made by hand, so sizes and colours vary a little from one to the next. That is rather the point.</p>
<h2>The seconds shelf</h2>
<p>Pots with small glaze faults, a wobbly rim or a stray speck go on the seconds shelf by the window at 30% off. They work perfectly well and are snapped up quickly on Saturday mornings.</p>
<h2>Something different?</h2>
<p>If you want a piece in a size or colour we don't usually make, or a set for a special occasion, see <a href="/commissions/">commissions</a>. Clay, tools and glazes for your own work are on the <a href="/clay-and-materials/">clay and tools</a> page.</p>
""", "2026-07-09"))

pages.append(page("/clay-and-materials/", "Clay, glazes and tools", """
<h1>Clay, glazes and tools</h1>
<p>We sell the same clays and glazes we use in the studio, so if you want to carry on at home you can work with materials you already know. Everything is kept behind the shop counter; just ask.</p>
<h2>Clay</h2>
<table>
  <caption>Clay, sold in 12.5 kg bags</caption>
  <thead><tr><th>Clay</th><th>Good for</th><th>Firing range</th><th>Price per bag</th></tr></thead>
  <tbody>
    <tr><td>Buff stoneware with fine grog</td><td>Throwing and hand-building; our studio clay</td><td>1200 to 1280°C</td><td>£16.50</td></tr>
    <tr><td>Smooth white stoneware</td><td>Throwing, and showing off bright glazes</td><td>1220 to 1280°C</td><td>£19.80</td></tr>
    <tr><td>Red earthenware</td><td>Hand-building, tiles and terracotta pots</td><td>1080 to 1150°C</td><td>£14.20</td></tr>
    <tr><td>Black stoneware</td><td>Throwing and contrast with pale glazes</td><td>1200 to 1260°C</td><td>£24.00</td></tr>
    <tr><td>Crank (heavily grogged)</td><td>Large pieces, sculpture and planters</td><td>1200 to 1300°C</td><td>£17.90</td></tr>
  </tbody>
</table>
<p>Studio members get 10% off clay. Buy five bags of one clay and the fifth is half price.</p>
<h2>Glazes</h2>
<p>Our three signature glazes, Brook, Oatmeal and Tenmoku, are sold ready-mixed in 500 ml pots for £14 each, enough for about a dozen mugs. We also stock a range of brush-on earthenware glazes in bright colours for £8.50 a pot, which children love.</p>
<h2>Tools</h2>
<ul>
  <li>Starter tool kit (eight tools in a pouch): £12</li>
  <li>Cut-off wire: £3.50</li>
  <li>Natural sponge: £4</li>
  <li>Canvas potter's apron: £22</li>
  <li>Metal and rubber kidney set: £7</li>
</ul>
<p>Anything you make from our clay can be fired through our <a href="/kiln-firing/">kiln-firing service</a>.</p>
""", "2026-05-27"))

pages.append(page("/gift-vouchers/", "Gift vouchers", """
<h1>Gift vouchers</h1>
<p>A pottery voucher is a present people actually use: an evening with clay, a term of lessons, or a mug they chose themselves. Our vouchers come in a handmade card with a small pressed-clay tag, or by email if you have left it late.</p>
<h2>Choose a voucher</h2>
<ul>
  <li><strong>Taster voucher, £48:</strong> one place on a two-hour wheel taster, on any date they like.</li>
  <li><strong>Date night voucher, £90:</strong> an evening on the wheel for two.</li>
  <li><strong>Course voucher, £225:</strong> a six-week beginners' wheel course, evening or daytime.</li>
  <li><strong>Money voucher:</strong> any amount from £20, to spend on classes, tasters, Clay Club or in the shop.</li>
</ul>
<p>Vouchers for a taster, date night or course cover the session even if our prices go up before it is used.</p>
<h2>How to buy</h2>
<p>Buy vouchers at the shop counter or ring us on 01632 960 126. We can post a voucher to you or straight to the person it's for, first class, for £1.50; email vouchers are free and arrive within one working day.</p>
<h2>The small print</h2>
<ul>
  <li>Vouchers are valid for 12 months from the date of purchase.</li>
  <li>They can't be exchanged for cash, and can't be used for studio membership or the kiln-firing service.</li>
  <li>To book with a voucher, ring the studio with the voucher number. Dates for tasters and courses go quickly before Christmas and in January, so book early.</li>
</ul>
""", "2026-10-20"))

pages.append(page("/commissions/", "Commissions and wedding sets", """
<h1>Commissions</h1>
<p>Some of our favourite work starts with a phone call: a dinner service for a first home, mugs with a family's names, a memorial urn, a run of bowls for a local restaurant. If you would like something made especially for you, talk to Hester.</p>
<h2>Tableware sets</h2>
<p>A commissioned tableware set is made to order in any of our three glazes, Brook, Oatmeal or Tenmoku, and can include pieces we don't usually make, such as serving platters and lidded butter dishes.</p>
<table>
  <thead><tr><th>Set</th><th>What's in it</th><th>From</th></tr></thead>
  <tbody>
    <tr><td>Four-place setting</td><td>Four dinner plates, side plates, pasta bowls and mugs</td><td>£420</td></tr>
    <tr><td>Six-place setting</td><td>Six of each, plus a serving jug</td><td>£660</td></tr>
    <tr><td>Personalised mugs</td><td>Names, dates or a short message stamped into the clay</td><td>£30 each</td></tr>
  </tbody>
</table>
<h2>Wedding lists</h2>
<p>Couples often ask us to make their dinner service and let guests contribute towards it. We set up a simple list for you in the shop, guests buy pieces or part of a setting by phone or in person, and we make the whole set once the list closes. Please allow at least 12 weeks between the list closing and the date you want the set, because every piece has to be thrown, dried, trimmed, bisque fired, glazed and fired again.</p>
<h2>How it works</h2>
<ol>
  <li>Tell us what you have in mind, with sketches or photos if you have them.</li>
  <li>We send a quote and a timescale, and make a test piece if the glaze or shape is new.</li>
  <li>We ask for half of the price up front; the rest is due when the work is ready.</li>
</ol>
<p>Email commissions@millbrookpottery.example or call in and see Hester in the studio.</p>
""", "2026-04-14"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <caption>Shop, members' open studio and firing drop-off</caption>
  <thead><tr><th>Day</th><th>Shop</th><th>Open studio (members)</th><th>Firing drop-off and collection</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>Closed</td><td>Closed</td><td>Closed</td></tr>
    <tr><td>Tuesday to Friday</td><td>10:00 to 17:00</td><td>10:00 to 21:30</td><td>10:00 to 16:00</td></tr>
    <tr><td>Saturday</td><td>10:00 to 17:00</td><td>9:00 to 18:00</td><td>10:00 to 13:00</td></tr>
    <tr><td>Sunday</td><td>11:00 to 16:00</td><td>Closed</td><td>Closed</td></tr>
  </tbody>
</table>
<p>Classes, tasters and Clay Club run to their own timetables, so you may see the studio lights on when the shop is closed. Members' open studio hours stop while a class is using the wheels; the members' calendar shows when.</p>
<h2>Bank holidays</h2>
<p>On bank holiday Mondays the shop opens from 11:00 to 16:00. The studio and firing service are closed.</p>
<h2>Christmas and New Year 2026</h2>
<table>
  <thead><tr><th>Date</th><th>Shop</th></tr></thead>
  <tbody>
    <tr><td>Thursday 24 December (Christmas Eve)</td><td>10:00 to 14:00</td></tr>
    <tr><td>Friday 25 December to Monday 28 December</td><td>Closed</td></tr>
    <tr><td>Tuesday 29 December to Thursday 31 December</td><td>10:00 to 16:00</td></tr>
    <tr><td>Friday 1 January</td><td>Closed</td></tr>
  </tbody>
</table>
<p>The studio, open studio and firing service close from 23 December and reopen on Tuesday 5 January 2027. The last firing drop-off before Christmas is Saturday 12 December.</p>
""", "2026-10-28"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding the mill</h1>
<p>Millbrook Pottery, The Old Corn Mill, Brook Street, Ambersett AT4 2LW. Ring the studio on 01632 960 126 or email hello@millbrookpottery.example.</p>
<p>The mill is the tall red-brick building at the bottom of Brook Street, right on the Mill Brook and opposite the Hatters' Museum. The shop door is the green one under the hoist.</p>
<h2>By car and where to park</h2>
<p>Brook Street runs downhill from the market place and is one way. We have no car park of our own, apart from two disabled bays in the mill yard, which you can book by ringing ahead. The nearest public car park is Wharf Lane car park, a three-minute walk along the river path, where a stay of up to four hours costs £3.20. On Saturdays it fills by eleven; the long-stay car park at Ambersett station is a ten-minute walk.</p>
<p>If you are dropping off heavy work for firing, you can pull into the mill yard for ten minutes to unload. Please ring the bell by the firing room door.</p>
<h2>By train and bus</h2>
<p>Ambersett station is ten minutes' walk away: turn left out of the station, follow Station Road to the market place and take the second right into Brook Street. Buses from the surrounding villages stop in the market place, at the top of Brook Street.</p>
<h2>Getting around the mill</h2>
<p>The shop, studio and firing room are all on the ground floor, with a ramp at the shop door. There is an accessible toilet next to the studio sinks.</p>
""", "2026-03-16"))

pages.append(page("/team/", "Our potters", """
<h1>The people at the mill</h1>
<section>
<h3>Hester Wrayburn, founder and potter</h3>
<p>Hester trained as a potter at art college and worked at two country potteries before opening Millbrook in 2011. She designs our tableware and glazes, makes the commissions, and teaches the Thursday daytime beginners' course and the Saturday wheel days.</p>
</section>
<section>
<h3>Rufus Farrant, studio manager and kiln technician</h3>
<p>Rufus keeps the studio running: he mixes the glazes, reclaims the clay and loads and fires both kilns. He runs the kiln-firing service and is the person to ask about whether your glaze will behave at 1260°C.</p>
</section>
<section>
<h3>Niamh Corrigan, wheel tutor</h3>
<p>Niamh came to a taster in 2015 and never really left. She teaches the Tuesday evening beginners' wheel course and the improvers' course, and her carved jugs sell out every time they reach the shop.</p>
</section>
<section>
<h3>Sunil Desai, hand-building tutor</h3>
<p>Sunil is a sculptor who works mostly in crank clay. He teaches the Monday hand-building course and leads Clay Club on Saturday mornings, where he is known for his dragons.</p>
</section>
<section>
<h3>Daisy Ockenden, shop and bookings</h3>
<p>Daisy runs the shop, chooses the work of our twelve local makers and looks after class bookings and the members' calendar. If you ring the studio, she is usually the one who answers.</p>
</section>
""", "2026-02-09"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>What should I wear, and do I need to bring anything?</summary><p>Wear old clothes and flat shoes with closed toes. Clay washes out of most fabrics, but glaze can stain. We lend aprons and towels, and all tools are provided. Tie long hair back and keep your nails short if you will be on the wheel.</p></details>
<details><summary>I have to miss a week of my course. Can I make it up?</summary><p>Yes, once per course. Let us know before the class and we will book you a catch-up session at an open studio time in the same fortnight, with a tutor on hand, at no extra cost.</p></details>
<details><summary>I'm left-handed. Can I still learn on the wheel?</summary><p>Of course. All our wheels can be switched to turn clockwise, which many left-handed potters find more comfortable. Your tutor will show you both ways and let you choose.</p></details>
<details><summary>Are your mugs and plates dishwasher safe?</summary><p>Yes. All Millbrook tableware is dishwasher and microwave safe, because it is fired to stoneware temperature. It can go in a warm oven, but not on the hob or over an open flame. Work by our guest makers has its own care label.</p></details>
<details><summary>How long until I can take home the pots I made in a course?</summary><p>Pieces made in the last week of a course are usually ready about three weeks after it ends. We keep work for collection for three months, after which the clay is reclaimed.</p></details>
<details><summary>Is the studio accessible?</summary><p>Yes, everything is on the ground floor with step-free access from the mill yard, and one of our wheels can be raised to work from a wheelchair. Please tell us when you book so we can set it up.</p></details>
<details><summary>Can I buy the clay I used in class?</summary><p>Yes, our studio clay is a buff stoneware, sold in 12.5 kg bags in the shop, along with tools and glazes.</p></details>
<details><summary>Do you offer one-to-one lessons?</summary><p>Yes, with Hester or Niamh, at £55 an hour or £95 for two hours. They are a good way to sort out one particular problem, such as centring or pulling handles. Ring the studio to arrange a time.</p></details>
""", "2026-08-03"))

pages.append(page("/booking-terms/", "Bookings and cancellations", """
<h1>Booking and cancellation terms</h1>
<p>We keep these simple, but please read them before you book a course, taster or Clay Club place.</p>
<h2>Booking</h2>
<p>Book online through the class pages, in the shop or by phone. Your place is confirmed once it is paid for in full, and we send a confirmation email with everything you need to know, including what to wear.</p>
<h2>If you need to cancel</h2>
<table>
  <thead><tr><th>Booking</th><th>Cancel in time</th><th>What you get back</th></tr></thead>
  <tbody>
    <tr><td>Course</td><td>14 days or more before the first class</td><td>Full refund, less a £10 admin fee</td></tr>
    <tr><td>Course</td><td>Less than 14 days before</td><td>Credit for a later course if we can fill your place</td></tr>
    <tr><td>Taster or date night</td><td>72 hours or more before</td><td>Move to another date free of charge</td></tr>
    <tr><td>Clay Club term</td><td>Before the first session</td><td>Full refund</td></tr>
  </tbody>
</table>
<p>Once a course has started we can't refund missed classes, but you can have one catch-up session per course; see our <a href="/faq/">help page</a>.</p>
<h2>If we need to cancel</h2>
<p>If a tutor is ill we will move the class to a new date, usually in the same week or the week after the course ends. If we have to cancel a course altogether, you will get a full refund.</p>
<h2>Your pots</h2>
<p>We take care with your work, but clay can crack in drying or firing, and we can't guarantee that every piece will survive. Pieces left uncollected for three months are reclaimed.</p>
""", "2026-01-19"))

pages.append(page("/news/kiln-firing-2026/", "Our second kiln is in", """
<article>
<h1>A second kiln, faster firings and new firing prices</h1>
<p><time datetime="2026-10-05">5 October 2026</time></p>
<p>After six weeks of electricians, a new three-phase supply and one very nervous delivery through the mill door, our second electric kiln has had its first firings and is now working full time. With two kilns firing side by side, Rufus can turn work round far quicker: from today, firing-service work will be ready five working days after you drop it off, not ten as before.</p>
<p>The bigger electricity bills that come with a second kiln mean we have also had to change some of our firing prices, the first change since September 2025. For all work dropped off from Monday 5 October 2026:</p>
<ul>
  <li>Stoneware glaze firing goes up to £21 a shelf (it was £18), and to £125 for the whole kiln (it was £110).</li>
  <li>Bisque firing stays at £13 a shelf and £80 for the whole kiln.</li>
  <li>Earthenware glaze firing stays at £15 a shelf and £95 for the whole kiln.</li>
</ul>
<p>Work already with us will be fired at the old prices. Thank you to everyone who waited patiently through the summer queue.</p>
</article>
""", "2026-10-05", '<meta property="article:published_time" content="2026-10-05">'))

pages.append(page("/news/christmas-fair-2026/", "Christmas Makers' Fair 2026", """
<article>
<h1>Christmas Makers' Fair at the mill</h1>
<p><time datetime="2026-10-28">28 October 2026</time></p>
<p>Our Christmas Makers' Fair is back, and bigger than ever. On Saturday 28 November and Sunday 29 November, from 10:00 to 16:00 both days, twenty makers will fill the studio and the mill yard with ceramics, prints, jewellery, woodwork and knitwear. Entry is free.</p>
<p>Hester will be throwing on the wheel at 11:00 and 14:00 each day, and anyone over 8 can have a five-minute go on the spare wheel for £3, with every penny going to the Ambersett food bank. The seconds shelf will be doubled for the weekend, and there will be a tombola of pots from our tutors.</p>
<p>If you want personalised mugs in time for Christmas, the last day to order them is Friday 20 November. Taster and course vouchers will be on sale all weekend, wrapped and ready to give, and the shop will stay open until 18:00 on the Saturday for anyone who wants to shop once the fair has closed.</p>
</article>
""", "2026-10-28", '<meta property="article:published_time" content="2026-10-28">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you book a class, taster or Clay Club place, join as a studio member, buy a voucher or leave work for firing, we keep your name, phone number and email address, and for Clay Club a parent's contact details and any medical or allergy information you give us. We use these only to run your booking, to tell you when your work is ready and to contact you if a class changes.</p>
<p>Booking and sales records are kept for six years for tax purposes. Clay Club medical details are deleted at the end of each term.</p>
<p>We send our newsletter only to people who ask for it, and every issue has an unsubscribe link. We never sell or share your details with anyone for their marketing.</p>
<p>Our booking pages use one cookie to keep your booking while you check out; this site sets no tracking or advertising cookies. Now and then we photograph classes for our website; we always ask first, and never photograph Clay Club children without a parent's written permission.</p>
<p>To see or correct what we hold about you, email privacy@millbrookpottery.example.</p>
""", "2026-01-19"))

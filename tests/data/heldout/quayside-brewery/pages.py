# The pages (hand-written content) of Quayside Brewery, a small brewery with a taproom, tours and a
# bottle shop, which the project has never seen.
pages.append(page("/", "Independent brewery and taproom in Saltcote", """
<h1>Beer brewed on the quay</h1>
<p class="lead">Quayside Brewery makes cask and keg beer in the old Customs Warehouse on Ropewalk Quay, a stone's throw from the fishing boats in Saltcote harbour. We started in 2016 with a secondhand eight-barrel kit and a borrowed forklift, and we still brew every batch by hand, five days a week.</p>
<img src="/images/warehouse-front.jpg" alt="The front of the Customs Warehouse on Ropewalk Quay at dusk, with the taproom doors open">
<h2>Come and see us</h2>
<ul>
  <li><a href="/taproom/">The taproom</a>: twelve lines of our own beer and the odd guest, pouring beside the fermenters, with a terrace looking out over the River Orrin.</li>
  <li><a href="/kitchen/">The Galley</a>, our little kitchen, making wood-fired pizzas and small plates from Thursday to Sunday.</li>
  <li><a href="/tours/">Brewery tours</a> most weekends, finishing with a tasting at the bar.</li>
  <li><a href="/bottle-shop/">The bottle shop</a>, for cans, bottles, minikegs and growler fills to take home.</li>
  <li><a href="/events/">Quiz nights, music and tap takeovers</a> through the week, and <a href="/private-hire/">the Cooperage</a>, our upstairs room, for parties and meetings.</li>
</ul>
<h2>Small, local and stubborn about it</h2>
<p>We are owned by the people who work here and nobody else. Our malt comes from a maltings forty miles inland, the spent grain goes to a dairy farm at Marram End to feed the cows, and more than half of what we brew is drunk within fifteen miles of the quay, in our own taproom or in the pubs we supply.</p>
<h2>Latest news</h2>
<p><a href="/news/lantern-winter-ale/">Lantern, our winter ale, is coming back</a>, and we have made <a href="/news/tour-changes-2026/">some changes to our brewery tours</a>.</p>
""", "2026-11-12"))

pages.append(page("/beers/", "Our beers", """
<h1>Our beers</h1>
<p>Six beers are brewed all year round, and there is usually a seasonal or a one-off from our small pilot kit on the bar as well. Every cask beer is unfined and conditioned in the cellar under the taproom for at least four days before we pour it.</p>
<h2>The core range in the taproom</h2>
<table>
  <caption>Core beers, strength and taproom prices</caption>
  <thead><tr><th>Beer</th><th>Style</th><th>ABV</th><th>Third</th><th>Half</th><th>Pint</th></tr></thead>
  <tbody>
    <tr><td>Harbour Light</td><td>Golden ale (cask)</td><td>3.8%</td><td>£1.90</td><td>£2.60</td><td>£4.60</td></tr>
    <tr><td>Ropewalk</td><td>Best bitter (cask)</td><td>4.2%</td><td>£2.00</td><td>£2.70</td><td>£4.80</td></tr>
    <tr><td>Tidewater</td><td>Pale ale (cask and keg)</td><td>4.4%</td><td>£2.10</td><td>£2.90</td><td>£5.10</td></tr>
    <tr><td>Slipway</td><td>Helles-style lager (keg)</td><td>4.6%</td><td>£2.20</td><td>£3.00</td><td>£5.40</td></tr>
    <tr><td>Foghorn</td><td>Oatmeal stout (keg)</td><td>5.2%</td><td>£2.30</td><td>£3.10</td><td>£5.60</td></tr>
    <tr><td>Customs House IPA</td><td>India pale ale (keg)</td><td>6.5%</td><td>£2.60</td><td>£3.60</td><td>£6.40</td></tr>
  </tbody>
</table>
<h2>Tasting notes</h2>
<p><strong>Harbour Light</strong> is our lightest beer, pale and crisp with a lemony hop, the one most of the fishermen drink. <strong>Ropewalk</strong> is a proper copper bitter with toffee malt and English hops. <strong>Tidewater</strong> is our best seller, hazy and full of tropical fruit. <strong>Slipway</strong> is lagered for six weeks in the cold room and is as clean as we can make it. <strong>Foghorn</strong> is black and smooth, made with oats and roast barley, with coffee and dark chocolate in the finish. <strong>Customs House IPA</strong> is big, bitter and piney, and we suggest you have it in thirds.</p>
<h2>Low Tide</h2>
<p>Not drinking? Low Tide is our alcohol-free pale ale at 0.5%, brewed with the same hops as Tidewater. It is always in the fridge behind the bar at £3.20 a can, and you can buy it in the bottle shop too.</p>
""", "2026-08-04"))

pages.append(page("/taproom/", "The taproom", """
<h1>The taproom</h1>
<p>The taproom is the ground floor of the Customs Warehouse, with the brewhouse behind a glass wall so you can watch the brewers at work while you drink. There are long tables, a few quiet corners by the old loading doors, and a wood burner for the winter. When the weather is kind, the terrace on the quay is the best seat in Saltcote for watching the boats come in.</p>
<h2>At the bar</h2>
<p>We have twelve lines: four hand pulls for cask beer and eight keg lines. Ten of them pour our own beers, and two are kept for guest beers from breweries we like, which change every week or so. All beer is served in thirds, halves and pints, and you can ask for a taster before you choose.</p>
<p>For anyone not drinking beer there is Low Tide, our alcohol-free pale, along with soft drinks, local apple juice, tea and coffee.</p>
<h2>Food</h2>
<p>From Thursday to Sunday <a href="/kitchen/">the Galley</a> serves pizzas and small plates to your table. On Wednesdays the kitchen is closed, but we have crisps, nuts and pork scratchings at the bar.</p>
<h2>Families and dogs</h2>
<p>Children are welcome with an adult until 20:00, and there are a few board games on the shelf by the door. Well-behaved dogs are welcome in the taproom and on the terrace; Barley, the brewery dog, does the rounds of the tables and will probably come to say hello.</p>
<h2>Tables</h2>
<p>Most tables are first come, first served. Groups of eight or more can reserve a table on Friday and Saturday evenings by ringing the brewery, and for bigger parties have a look at <a href="/private-hire/">the Cooperage</a>.</p>
""", "2026-05-21"))

pages.append(page("/kitchen/", "The Galley kitchen", """
<h1>The Galley</h1>
<p>The Galley is the little kitchen in the corner of the taproom, built around a wood-fired oven that came from a restaurant in Naples by way of a very long lorry journey. Connor Lusk and his team make the dough two days ahead with a splash of our own Harbour Light, and bake every pizza to order in about ninety seconds.</p>
<h2>Kitchen hours</h2>
<table>
  <thead><tr><th>Day</th><th>Kitchen open</th></tr></thead>
  <tbody>
    <tr><td>Wednesday</td><td>Closed (bar snacks only)</td></tr>
    <tr><td>Thursday</td><td>17:00 to 21:00</td></tr>
    <tr><td>Friday and Saturday</td><td>12:00 to 21:30</td></tr>
    <tr><td>Sunday</td><td>12:00 to 17:00</td></tr>
  </tbody>
</table>
<h2>Pizzas</h2>
<ul>
  <li>Margherita: tomato, fior di latte, basil, £10</li>
  <li>The Harbourmaster: tomato, mozzarella, nduja, red onion and hot honey, £13.50</li>
  <li>Smokehouse: smoked haddock from the harbour, leeks and cr&egrave;me fra&icirc;che, no tomato, £14</li>
  <li>Forager: wild mushrooms, garlic, thyme and taleggio, £13</li>
  <li>Pepperoni: tomato, mozzarella and plenty of pepperoni, £12.50</li>
</ul>
<p>Any pizza can be made with vegan cheese for an extra £1, and half-size pizzas are available for children at £6.</p>
<h2>Small plates</h2>
<ul>
  <li>Salted pretzel with Foghorn stout cheese dip, £6.50</li>
  <li>Garlic flatbread, £5</li>
  <li>Scotch egg with piccalilli, £5.50</li>
  <li>Local sea salt and rosemary olives, £4</li>
</ul>
<h2>Ordering</h2>
<p>Order at the Galley hatch and we will bring your food to your table, inside or on the terrace. Please tell us about any allergies when you order; the full allergen list is kept at the hatch.</p>
""", "2026-06-18"))

pages.append(page("/tours/", "Brewery tours", """
<h1>Brewery tours</h1>
<p>See how a pint of Tidewater gets from a sack of malt to your glass. Our tours take you through the whole brewery: the malt store, the mash tun and copper, the fermenting room and the cellar, finishing back at the bar in the taproom for a tasting.</p>
<h2>The Quayside Tour</h2>
<p>Our regular tour lasts about an hour and a quarter and is led by one of the brewers. It costs £15 per person, and the price includes four third-pint tasters of our core beers and a Quayside glass to take home. Each tour takes up to 20 people.</p>
<h2>The Brewer's Morning</h2>
<p>For the real enthusiast. Spend a morning on the brewhouse floor with our head brewer, help mash in and add the hops, and leave with a mixed case of our beers. Only four places are available on each date.</p>
<h2>When tours run</h2>
<table>
  <thead><tr><th>Tour</th><th>When</th><th>Length</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Quayside Tour</td><td>Fridays at 18:00; Saturdays at 12:00 and 15:00</td><td>75 minutes</td><td>£15</td></tr>
    <tr><td>Brewer's Morning</td><td>First Saturday of the month, 8:30 to 12:30</td><td>4 hours</td><td>£45</td></tr>
  </tbody>
</table>
<p>We don't run tours on Sundays, when the brewers have their day off.</p>
<h2>Good to know</h2>
<ul>
  <li>Book online or at the bar. Tours often sell out on summer Saturdays, so book a week or two ahead.</li>
  <li>Wear flat, closed shoes: the brewery floor is wet and there are steep steps up to the mash platform.</li>
  <li>The brewery is a working site and is cold in winter, so bring a jumper.</li>
  <li>Private tours for groups can be arranged on weekday afternoons; ask at <a href="/private-hire/">private hire</a>.</li>
</ul>
""", "2025-04-10"))

pages.append(page("/bottle-shop/", "The bottle shop", """
<h1>The bottle shop</h1>
<p>Our bottle shop is in the old weighbridge office at the front of the warehouse, with its own door onto the quay. Everything we brew is here in cans or bottles, alongside a small, carefully chosen shelf of beers from other independent breweries in the county.</p>
<h2>Prices</h2>
<table>
  <caption>Bottle shop prices, our own beers</caption>
  <thead><tr><th>What</th><th>Size</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Single can, Harbour Light, Ropewalk, Tidewater or Slipway</td><td>440 ml</td><td>£3.60</td></tr>
    <tr><td>Single can, Foghorn or Customs House IPA</td><td>440 ml</td><td>£4.20</td></tr>
    <tr><td>Low Tide alcohol-free pale, single can</td><td>330 ml</td><td>£2.40</td></tr>
    <tr><td>Four-pack, any one core beer</td><td>4 x 440 ml</td><td>£13</td></tr>
    <tr><td>Mixed case, pick your own</td><td>12 x 440 ml</td><td>£38</td></tr>
    <tr><td>Minikeg of Tidewater or Ropewalk</td><td>5 litres</td><td>£27</td></tr>
    <tr><td>Growler fill, any beer on the bar</td><td>2 litres</td><td>£11</td></tr>
    <tr><td>Quayside growler, empty, with our logo</td><td>2 litres</td><td>£9</td></tr>
  </tbody>
</table>
<h2>Growlers</h2>
<p>We will fill any clean growler or flip-top bottle of one or two litres with whatever is on the bar, cask or keg. We purge it with carbon dioxide before filling so the beer keeps for about a week unopened. Once you open it, drink it within a day.</p>
<h2>Glassware and gifts</h2>
<p>We also sell Quayside pint glasses and tulip glasses, bottle openers made from old ships' rivets, and gift boxes of three cans and a glass, which are popular at Christmas.</p>
<p>You can order the same cans online for collection from the shop. Online orders placed by 15:00 are ready the next day the shop is open.</p>
""", "2026-07-29"))

pages.append(page("/events/", "What's on", """
<h1>What's on in the taproom</h1>
<p>Something happens most nights we are open. Entry to everything is free unless we say otherwise, and there is no need to book except where shown.</p>
<h2>Every week</h2>
<ul>
  <li><strong>Quiz night</strong>, every Wednesday from 19:30. Teams of up to six, £2 a head, with a bar tab for the winners and a bottle of Customs House IPA for the best team name.</li>
  <li><strong>Folk session</strong>, Thursdays from 20:00. Bring an instrument and join in, or just listen.</li>
  <li><strong>Sunday sofa session</strong>, from 14:00: a local acoustic act by the wood burner.</li>
</ul>
<h2>Coming up this winter</h2>
<table>
  <thead><tr><th>Date</th><th>Event</th><th>Time</th><th>Tickets</th></tr></thead>
  <tbody>
    <tr><td>Friday 27 November</td><td>Lantern launch night, with the Saltcote Shanty Men</td><td>18:00 to 23:00</td><td>Free</td></tr>
    <tr><td>Saturday 5 December</td><td>Tap takeover: six beers from Gannet Rock Brewing</td><td>12:00 to 23:00</td><td>Free</td></tr>
    <tr><td>Thursday 10 December</td><td>Beer and cheese tasting with the Marram End dairy</td><td>19:00 to 21:00</td><td>£22, book at the bar</td></tr>
    <tr><td>Saturday 19 December</td><td>Christmas jumper party with DJ Mollie Vance</td><td>19:00 to 23:00</td><td>Free</td></tr>
    <tr><td>Sunday 17 January</td><td>Homebrew clinic: bring a bottle of your beer for feedback</td><td>14:00 to 16:00</td><td>Free</td></tr>
  </tbody>
</table>
<h2>Running an event with us</h2>
<p>If you are a local band, a club or a charity and would like to put something on in the taproom, email events@quaysidebrewery.example with your idea and a date or two.</p>
""", "2026-11-05"))

pages.append(page("/private-hire/", "Private hire", """
<h1>Private hire</h1>
<p>Birthdays, leaving dos, wakes, book clubs, works Christmas parties and the occasional wedding reception: we have hosted them all. Tell us what you have in mind and we'll help you plan it.</p>
<h2>The Cooperage</h2>
<p>The Cooperage is our room on the first floor, where the warehouse's barrel makers once worked. It has its own bar with four of our beers on tap, exposed beams, and big windows over the harbour. It seats 30 at tables or holds 45 standing.</p>
<ul>
  <li>Wednesday and Thursday evenings: no room hire charge, with a minimum spend of £300 at the bar and the Galley.</li>
  <li>Friday and Saturday evenings: £150 room hire, plus a minimum spend of £600.</li>
  <li>Daytime meetings, Monday to Friday: £90 for a half day or £160 for a full day, including a screen, tea and coffee.</li>
</ul>
<p>The Cooperage is up a flight of stairs and there is no lift, so please tell us if anyone in your group has difficulty with steps and we'll suggest another space.</p>
<h2>Food for your party</h2>
<p>The Galley can serve sharing boards of pizzas and small plates to your room for £16 a head, or a pizza buffet for larger groups. We can also arrange a birthday cake from a bakery in town.</p>
<h2>The whole place</h2>
<p>For really big occasions you can take over the whole taproom and terrace on a Monday or Tuesday evening, when we are normally closed, for up to 120 guests. Exclusive hire starts at £1,200 including staff.</p>
<h2>Private tours</h2>
<p>Groups of 10 or more can book their own brewery tour on a weekday afternoon, followed by drinks in the Cooperage.</p>
<p>To check a date, email events@quaysidebrewery.example or ring the brewery and ask for Ravi.</p>
""", "2026-03-16"))

pages.append(page("/beer-club/", "The Beer Club", """
<h1>The Quayside Beer Club</h1>
<p>Our Beer Club sends a box of fresh beer to your door every month, packed by hand the week it is canned. It is the easiest way to try everything we brew, including the small batches that never leave the taproom.</p>
<h2>What you get</h2>
<ul>
  <li>Eight cans of 440 ml every month: two of the newest seasonal, one or two pilot-kit specials, and the rest from the core range.</li>
  <li>Tasting notes from the brewers, and now and then a beer from a brewery we admire.</li>
  <li>10% off in the bottle shop and on Quayside growlers, when you show your membership card.</li>
  <li>A members' night in the taproom every spring, with a first taste of the summer beers.</li>
</ul>
<h2>How much</h2>
<p>A box costs £32 a month, delivered free to any address on the UK mainland. If you live nearby, you can collect from the bottle shop instead for £28 a month. We take payment on the 1st and send boxes out in the second week of the month.</p>
<h2>Flexible</h2>
<p>You can skip a month or cancel whenever you like, as long as you tell us before the 20th of the month before. Membership can be given as a present for three, six or twelve months; the person receiving it doesn't need to do anything until the first box arrives.</p>
<p>To join, sign up online or ask in the bottle shop. Questions go to club@quaysidebrewery.example.</p>
""", "2026-02-11"))

pages.append(page("/trade/", "Trade and wholesale", """
<h1>Trade and wholesale</h1>
<p>Our beer is on the bar in more than sixty pubs, restaurants and clubs around Saltcote and along the coast. If you run a pub, bar, shop or restaurant and would like to stock Quayside, we would be glad to hear from you.</p>
<h2>What we supply</h2>
<ul>
  <li>Cask: Harbour Light, Ropewalk and Tidewater in firkins (nine gallons, 72 pints) and pins (four and a half gallons).</li>
  <li>Keg: Tidewater, Slipway, Foghorn and Customs House IPA in 30-litre kegs, on KeyKeg or steel.</li>
  <li>Cans: every core beer in cases of 24, and Low Tide in cases of 24 small cans.</li>
  <li>Seasonal and one-off beers, offered to trade customers first by email.</li>
</ul>
<h2>Delivery</h2>
<p>Our own van delivers on Tuesdays and Thursdays within 35 miles of the brewery. The minimum order is two casks or kegs, or five cases of cans. Further afield, we work with a distributor and can put you in touch.</p>
<h2>Opening an account</h2>
<p>Email trade@quaysidebrewery.example with the name and address of your business and your premises licence number, and we will send a price list. New accounts pay on delivery for the first three months, then on 30-day terms. We collect empty casks and kegs when we deliver.</p>
<p>Our trade manager, Hattie Quill, is happy to come and talk about cellar care, pump clips and tap takeovers.</p>
""", "2026-01-22"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <caption>Our usual hours</caption>
  <thead><tr><th>Day</th><th>Taproom</th><th>Bottle shop</th></tr></thead>
  <tbody>
    <tr><td>Monday and Tuesday</td><td>Closed</td><td>Closed</td></tr>
    <tr><td>Wednesday and Thursday</td><td>16:00 to 22:30</td><td>11:00 to 18:00</td></tr>
    <tr><td>Friday</td><td>12:00 to 23:00</td><td>10:00 to 19:00</td></tr>
    <tr><td>Saturday</td><td>12:00 to 23:00</td><td>10:00 to 18:00</td></tr>
    <tr><td>Sunday</td><td>12:00 to 19:00</td><td>11:00 to 16:00</td></tr>
  </tbody>
</table>
<p>Last orders at the bar are fifteen minutes before the taproom closes. The Galley kitchen keeps <a href="/kitchen/">its own hours</a>, and on bank holiday Mondays the taproom opens from 12:00 to 18:00.</p>
<h2>Christmas and New Year</h2>
<ul>
  <li>Christmas Eve (Thursday 24 December): taproom and bottle shop 12:00 to 17:00.</li>
  <li>Christmas Day and Boxing Day: closed.</li>
  <li>Sunday 27 December to Wednesday 30 December: usual hours for the day.</li>
  <li>New Year's Eve: taproom 12:00 to 00:30, with a ticketed party upstairs; bottle shop 10:00 to 16:00.</li>
  <li>New Year's Day: taproom 14:00 to 19:00, bottle shop closed.</li>
</ul>
<p>In January the brewery takes a week off for its annual clean, and the taproom and bottle shop are closed from Monday 4 to Tuesday 12 January.</p>
""", "2026-10-28"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding the brewery</h1>
<p>We are on the harbour front in Saltcote: Quayside Brewery, The Customs Warehouse, Ropewalk Quay, Saltcote SC4 7QW. Ring the brewery on 01632 960 583, or email hello@quaysidebrewery.example.</p>
<h2>On foot</h2>
<p>From Saltcote railway station, walk down Chandlery Hill to the harbour and turn left along the quay; we are the tall brick building with the green doors, just past the lifeboat station. It takes about ten minutes.</p>
<h2>By ferry</h2>
<p>The foot ferry from Eastbank lands at the steps in front of the lifeboat station, one minute from our door. It is a lovely way to arrive, but check when the last boat goes back before you settle in for another pint.</p>
<h2>By car</h2>
<p>Ropewalk Quay is narrow and there is no parking on the quay itself. Use the Ropewalk car park at the end of the quay, which is pay and display during the day and free after 18:00. It has room for about 90 cars, with four blue badge bays near the exit on to the quay.</p>
<img src="/images/ropewalk-car-park.jpg" alt="The Ropewalk car park behind the brewery, with 4 electric car charging points next to the bottle shop door">
<h2>By bus</h2>
<p>The 14 bus from the station stops at Harbour Street, two minutes' walk away, every half hour until 23:00.</p>
<h2>Bikes</h2>
<p>There are cycle hoops on the terrace, and the coast path passes the front door, so we see a lot of walkers and cyclists at the weekend.</p>
""", "2026-04-02"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>Can I bring my dog on a brewery tour?</summary><p>Sorry, no. Dogs are welcome in the taproom and on the terrace, but for hygiene and safety they can't come into the brewery itself, except assistance dogs. Someone at the bar will happily keep an eye on a calm dog while you do the tour.</p></details>
<details><summary>Can children come on a tour?</summary><p>Tours are for adults only. Everyone on a tour must be 18 or over, and we will ask for ID if you look under 25.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes, from £10 to £100, and also vouchers for a Quayside Tour or a Brewer's Morning. They can be used in the taproom, the Galley and the bottle shop, and are valid for 12 months from the date you buy them.</p></details>
<details><summary>Can I bring back empty bottles?</summary><p>Please do. Bring our brown 500 ml swing-top bottles back to the bottle shop and we will give you 20p off your next purchase for each one; we wash and refill them. Cans go in the recycling, as they can't be reused.</p></details>
<details><summary>Is the taproom accessible?</summary><p>The taproom, terrace, bottle shop and accessible toilet are all step-free from the quay. The Cooperage upstairs has no lift, and tours include steep steps, so please talk to us before booking.</p></details>
<details><summary>Can I reserve a table?</summary><p>For groups of eight or more on Friday and Saturday evenings, yes: ring the brewery. Otherwise tables are first come, first served.</p></details>
<details><summary>Do you have anything for people who don't drink?</summary><p>Low Tide, our alcohol-free pale ale, is always available, as well as soft drinks, apple juice, tea and coffee.</p></details>
<details><summary>How fresh is the beer I buy to take home?</summary><p>Our cans are best within four months of the date on the bottom. Keep them in the fridge if you can, especially the hoppy ones.</p></details>
<details><summary>Do you buy or brew beer for other people?</summary><p>We do a small amount of contract brewing for local pubs and events under their own names. Email trade@quaysidebrewery.example if you are interested.</p></details>
""", "2026-06-03"))

pages.append(page("/team/", "Meet the team", """
<h1>The people on the quay</h1>
<section>
<h3>Nell Garrity, founder and managing director</h3>
<p>Nell started Quayside in 2016 after ten years as a marine engineer, which is why the brewery has never once broken down for long. She runs the business side and still helps out behind the bar on Friday nights.</p>
</section>
<section>
<h3>Idris Fenwick, head brewer</h3>
<p>Idris learned to brew in a garden shed, then spent six years at a big brewery in the Midlands before coming home to Saltcote in 2017. He wrote the recipes for every one of our core beers and leads the Brewer's Morning.</p>
</section>
<section>
<h3>Marta Kowalczyk, brewer</h3>
<p>Marta looks after the pilot kit, so most of our small-batch specials are hers. She also runs our quality lab and leads many of the tours.</p>
</section>
<section>
<h3>Sol Bannerman, taproom manager</h3>
<p>Sol runs the bar, the terrace and the quiz, and has strong opinions about how a pint of cask should look.</p>
</section>
<section>
<h3>Hattie Quill, trade and bottle shop manager</h3>
<p>Hattie looks after the pubs we supply, the bottle shop and the Beer Club. If your box is late, she is the person to ask.</p>
</section>
<section>
<h3>Ravi Chaudhry, tours and events</h3>
<p>Ravi books the tours, the bands and the private parties in the Cooperage.</p>
</section>
<section>
<h3>Connor Lusk, head chef</h3>
<p>Connor runs the Galley. He cooked in restaurants in Bristol and Naples before coming to the quay.</p>
</section>
<p>And <strong>Barley</strong>, a black Labrador, is the brewery dog. He is not allowed in the brewhouse and takes this personally.</p>
""", "2026-02-25"))

pages.append(page("/careers/", "Jobs at Quayside", """
<h1>Work with us</h1>
<p>There are twenty-two of us, and in summer, when the terrace is full, a few more. Everyone who works here gets a share of the profits each spring, a staff pint after every shift, and 25% off in the bottle shop.</p>
<h2>Bar staff, taproom (part time)</h2>
<p>Pouring beer, talking about it, clearing tables and helping run the quiz. You'll need to be 18 or over and happy to work evenings and weekends. We'll teach you about cask and keg. From 12 to 30 hours a week, £12.60 an hour plus an equal share of tips.</p>
<h2>Brewery assistant (full time)</h2>
<p>Cleaning, cask washing, helping on brew days and in the cellar, and loading the van. It is physical work with early starts, Monday to Friday from 7:00 to 15:30. A forklift licence is useful but we can train you. £25,500 a year.</p>
<h2>Galley kitchen assistant (weekends)</h2>
<p>Prep, stretching dough and keeping the kitchen clean on Friday, Saturday and Sunday. £12.75 an hour.</p>
<p>To apply, email a short note about yourself and your CV to jobs@quaysidebrewery.example, or drop them in at the bar for Sol. We hire summer bar staff from March.</p>
""", "2026-09-14"))

pages.append(page("/news/tour-changes-2026/", "Changes to our brewery tours", """
<article>
<h1>Changes to our brewery tours, and a new Sunday tour</h1>
<p><time datetime="2026-09-24">24 September 2026</time></p>
<p>The Quayside Tour has been running for nine years, and we have learned a lot about how to do it well. From Saturday 3 October 2026 a few things are changing.</p>
<ul>
  <li>The price of the Quayside Tour goes up to £18 per person (it was £15). It now includes a bag of pretzels from the Galley as well as the four tasters and the glass.</li>
  <li>Tours are now smaller: each one takes a maximum of 15 people, so everyone can see into the mash tun and hear the brewer over the pumps.</li>
  <li>We are adding a Sunday tour, every Sunday at 13:00, led by Marta. Fridays at 18:00 and Saturdays at 12:00 and 15:00 carry on as before.</li>
</ul>
<p>The Brewer's Morning stays at £45 and still runs on the first Saturday of the month.</p>
<p>If you have already booked a tour for a date after 3 October, or have a tour voucher, you won't pay any more. See you on the quay.</p>
</article>
""", "2026-09-24", '<meta property="article:published_time" content="2026-09-24">'))

pages.append(page("/news/lantern-winter-ale/", "Lantern winter ale is back", """
<article>
<h1>Lantern is back for the winter</h1>
<p><time datetime="2026-11-12">12 November 2026</time></p>
<p>Our winter ale returns at the end of the month. Lantern is a dark ruby ale at 5.8%, brewed with orange peel, a little cinnamon and plenty of crystal malt, and this year Idris has added honey from hives on the cliffs above Eastbank.</p>
<p>The first casks will be tapped at our launch night on Friday 27 November, from 18:00, with the Saltcote Shanty Men singing from 20:00. Lantern will then be on the bar and in the bottle shop until the end of February, in cans at £4.40 and in gift boxes with a Lantern glass.</p>
<p>Lantern was the first seasonal beer we ever brewed, in our very first winter on the quay, when the warehouse still had no heating and the brewers wore their coats on brew day. It has changed a little every year since, but it has always been the beer we drink on the darkest evenings by the wood burner.</p>
<p>Beer Club members get two cans of Lantern in their December box. Connor says it goes very well with the Smokehouse pizza, and we are inclined to agree.</p>
</article>
""", "2026-11-12", '<meta property="article:published_time" content="2026-11-12">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you book a tour, join the Beer Club, hire a room or order online, we keep your name, email address, phone number and, for deliveries, your postal address, so that we can provide what you asked for. We check your date of birth when you order online, but we don't keep a copy of any ID.</p>
<p>Beer Club records are kept while you are a member and for one year after you leave; sales records are kept for six years for tax purposes.</p>
<p>We only send our newsletter to people who have asked for it, and you can unsubscribe from any email. We never sell or share your details with anyone for their marketing.</p>
<p>This website sets one cookie, which remembers your basket. CCTV covers the bar, the bottle shop and the quay outside, and recordings are kept for 30 days.</p>
<p>To see or correct what we hold about you, email privacy@quaysidebrewery.example.</p>
""", "2026-01-05"))

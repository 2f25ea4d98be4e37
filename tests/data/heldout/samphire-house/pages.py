# The pages (hand-written content) of Samphire House, a seaside hotel and restaurant the project has never seen.
pages.append(page("/", "Family-run hotel and restaurant above Wrenmouth harbour", """
<h1>A small hotel above the harbour</h1>
<p class="lead">Samphire House has looked down over Wrenmouth harbour since 1852, and the Carrow family have welcomed guests here since 1978. There are eleven bedrooms, a walled garden, a snug bar with a log fire, and the Samphire Room, where our son Kit cooks whatever the boats bring in.</p>
<img src="/images/harbour-from-terrace.jpg" alt="The view from the terrace at Samphire House across the harbour to the lighthouse at dusk">
<h2>Stay, eat, celebrate</h2>
<ul>
  <li><a href="/rooms/">Bedrooms</a> facing the harbour or opening onto the garden, all with breakfast included.</li>
  <li><a href="/restaurant/">The Samphire Room</a>, our restaurant, for breakfast, lunch, dinner and a long Sunday lunch.</li>
  <li><a href="/weddings/">Weddings</a> in the Garden Room and on the lawn, and <a href="/private-dining/">private dining</a> in the Chart Room for birthdays, reunions and business dinners.</li>
</ul>
<h2>Why guests come back</h2>
<p>We are not a chain and never will be. Rosalind and Ewan are here most days, the beds are made with linen dried on the line when the weather allows, and the crab in your sandwich was landed that morning a hundred yards from the front door.</p>
<p>The beach, the coast path and the lifeboat station are all within a five-minute walk. See our <a href="/local-area/">guide to Wrenmouth</a> for the places we send our friends.</p>
<h2>From the harbour</h2>
<p>Read our latest news: <a href="/news/winter-breaks/">winter midweek breaks</a> and <a href="/news/dinner-prices-2026/">changes to the dinner menu</a>.</p>
""", "2026-10-06"))

pages.append(page("/rooms/", "Rooms and rates", """
<h1>Bedrooms</h1>
<p>Each of our eleven rooms is different: the house has been added to by every generation since the harbourmaster built it, and no two windows are quite the same size. Every room has a proper shower (the harbour-view rooms have a bath as well), a hospitality tray with leaf tea and a cafetiere, a Roberts radio, fast Wi-Fi and a hairdryer. There are no televisions; we lend tablets for films on rainy evenings.</p>
<h2>Harbour-view doubles</h2>
<p>Four rooms on the first floor with bay windows looking straight over the moorings to the lighthouse. King-size beds, a window seat and a roll-top bath. Rooms 1 and 2 have small balconies.</p>
<img src="/images/rooms/harbour-double.jpg" alt="A harbour-view double room with a king-size bed, a window seat and sailing boats outside">
<h2>Garden doubles</h2>
<p>Three quieter rooms on the ground floor, each with its own door onto the walled garden. They are the rooms we give to guests travelling with a dog.</p>
<h2>Lookout twins</h2>
<p>Two rooms on the second floor with two single beds that can be made up as a double, and a side view of the sea past the old net lofts.</p>
<h2>The family suite</h2>
<p>Under the eaves on the second floor: a double bedroom and a second room with bunk beds, sharing a bathroom. It sleeps four, and a cot fits in the main bedroom.</p>
<h2>The Crow's Nest</h2>
<p>Our single room at the very top of the house, with a skylight that frames the lighthouse beam at night. It is up a steep final flight of stairs.</p>
<h2>Rates</h2>
<table>
  <caption>Room rates per night, including breakfast for two (for one in the Crow's Nest, for up to four in the family suite)</caption>
  <thead><tr><th>Room</th><th>Low season (November to March)</th><th>Mid season (April to June, September and October)</th><th>High season (July and August)</th></tr></thead>
  <tbody>
    <tr><td>The Crow's Nest (single)</td><td>£78</td><td>£92</td><td>£105</td></tr>
    <tr><td>Garden double</td><td>£118</td><td>£142</td><td>£165</td></tr>
    <tr><td>Lookout twin</td><td>£125</td><td>£148</td><td>£170</td></tr>
    <tr><td>Harbour-view double</td><td>£145</td><td>£172</td><td>£198</td></tr>
    <tr><td>Family suite</td><td>£185</td><td>£215</td><td>£249</td></tr>
  </tbody>
</table>
<p>If you are on your own in a double or twin, we take £20 a night off the rate. Christmas (23 to 27 December) and New Year (30 December to 2 January) are sold as packages; please ring us for those.</p>
<p>Booking direct, by phone or through this website, is always cheaper than through a booking site. Our <a href="/policies/">booking terms</a> explain deposits and cancellations.</p>
""", "2026-03-04"))

pages.append(page("/restaurant/", "The Samphire Room restaurant", """
<h1>The Samphire Room</h1>
<p>Our restaurant fills the old harbourmaster's office and the glass room we built onto it in 2015, so nearly every table has a view of the water. It is open to non-residents as well as hotel guests, and we keep a few tables back for walk-ins at lunch, but dinner at the weekend books up well ahead.</p>
<p>Kit Carrow has run the kitchen since 2019. He buys from the day boats on the quay, from two farms within ten miles and from the samphire beds on the estuary that gave the house its name, so the menu changes most days. You can see a recent one on our <a href="/restaurant/menus/">menus page</a>.</p>
<h2>When we serve</h2>
<table>
  <thead><tr><th>Meal</th><th>Days</th><th>Times</th></tr></thead>
  <tbody>
    <tr><td>Breakfast</td><td>Monday to Saturday</td><td>7:30 to 9:30</td></tr>
    <tr><td>Breakfast</td><td>Sunday</td><td>8:00 to 10:00</td></tr>
    <tr><td>Lunch</td><td>Wednesday to Saturday</td><td>12:00 to 14:30</td></tr>
    <tr><td>Sunday lunch</td><td>Sunday</td><td>12:00 to 15:00</td></tr>
    <tr><td>Dinner</td><td>Tuesday to Sunday</td><td>18:30 to 21:00 (last orders)</td></tr>
  </tbody>
</table>
<p>On Mondays the restaurant is closed for dinner, but hotel guests can have a simple supper in the bar between 18:00 and 20:00: soup, a fish pie, cheese and a pudding.</p>
<h2>Booking a table</h2>
<p>Book by phone on 01632 960 518 or by email to table@samphirehouse.example. For eight people or more we ask for a deposit; see our <a href="/policies/">booking terms</a>. For a private room, see <a href="/private-dining/">private dining</a>.</p>
<h2>Allergies and special diets</h2>
<p>Please tell us about any allergy when you book and again when you order. We bake our own gluten-free bread every day, and most of the dinner menu can be adapted for guests who avoid gluten, dairy or meat. We always have a vegan main course, though it may not be on the printed menu. Our kitchen handles nuts, shellfish and sesame, so we cannot promise any dish is completely free of them.</p>
<h2>The bar</h2>
<p>The snug bar is open from 11:00 until 23:00 and serves coffee, local ales from the Quayside brewery and a long list of gins. Dogs are welcome in the bar, by the fire, but not in the restaurant itself.</p>
""", "2026-05-20"))

pages.append(page("/restaurant/menus/", "Menus", """
<h1>Our menus</h1>
<p>These are sample menus from this summer. Kit writes the dinner menu each afternoon around what has been landed, so expect the dishes to change; the format and prices stay the same.</p>
<h2>Breakfast</h2>
<p>Breakfast is included for hotel guests. Non-residents are welcome too: £16.50 for a cooked breakfast, or £11 for the continental table alone.</p>
<ul>
  <li>The continental table: our own granola, fruit from the farm shop, yoghurt, pastries, toast and preserves</li>
  <li>Full Wrenmouth breakfast: bacon and sausage from Penhale Farm, black pudding, eggs as you like them, tomato, mushrooms and a potato cake</li>
  <li>Kippers smoked on the quay, with brown bread and butter</li>
  <li>Smoked haddock with a poached egg and spinach</li>
  <li>Buttermilk pancakes with berries and maple syrup</li>
  <li>Eggs Royale or eggs Florentine</li>
</ul>
<h2>Lunch</h2>
<table>
  <thead><tr><th>Dish</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Soup of the day with our bread</td><td>£8.50</td></tr>
    <tr><td>Crab sandwich, brown or white, with dressed leaves</td><td>£13.50</td></tr>
    <tr><td>Beer-battered fish, chips and mushy peas</td><td>£17</td></tr>
    <tr><td>Mussels with cider, leeks and cream, with chips</td><td>£16</td></tr>
    <tr><td>Ploughman's with two local cheeses</td><td>£12.50</td></tr>
    <tr><td>Sticky toffee pudding or a scoop of ice cream</td><td>£7.50 / £3</td></tr>
  </tbody>
</table>
<h2>Dinner</h2>
<p>Dinner is a set-price menu: two courses for £35 or three courses for £42. A few dishes carry a supplement, shown beside them.</p>
<h3>To start</h3>
<ul>
  <li>Estuary samphire, brown crab butter and sourdough toast</li>
  <li>Cured mackerel, pickled cucumber, horseradish cream</li>
  <li>Roast beetroot, whipped goat's curd, hazelnuts</li>
  <li>Half a dozen rock oysters with shallot vinegar (£6 supplement)</li>
</ul>
<h3>Main courses</h3>
<ul>
  <li>Day-boat fish of the day, crushed new potatoes, sea vegetables, beurre blanc</li>
  <li>Penhale Farm lamb rump, braised shoulder, peas and mint</li>
  <li>Wild mushroom and barley risotto, aged cheese (can be made vegan)</li>
  <li>Half a grilled lobster with garlic butter and chips (£18 supplement)</li>
</ul>
<h3>Puddings</h3>
<ul>
  <li>Burnt honey custard tart, clotted cream</li>
  <li>Chocolate pot with salted caramel and shortbread</li>
  <li>Three West Country cheeses with oatcakes and chutney</li>
</ul>
<h2>Sunday lunch</h2>
<p>A roast of the week, a fish alternative and a vegetarian main, with proper gravy and all the trimmings: £29 for two courses, £34 for three. Children under 12 eat a smaller roast for £13.</p>
""", "2026-06-11"))

pages.append(page("/faq/", "Frequently asked questions", """
<h1>Questions guests ask us</h1>
<details><summary>What time can we check in, and when do we need to leave?</summary><p>Rooms are ready from 15:00, and reception is staffed until 21:00. If you will arrive after 21:00, phone the duty manager's mobile on 07700 900 246 and we will leave your key in the lockbox by the front door. On your last morning, please check out by 10:30.</p></details>
<details><summary>Can we arrive early and leave our bags?</summary><p>Yes. Reception opens at 7:00, and we are happy to keep your luggage in the office until your room is ready, or after you check out, so you can enjoy one more walk on the beach.</p></details>
<details><summary>Can I bring my dog?</summary><p>Well-behaved dogs are welcome in our three garden rooms, which open straight onto the garden. We charge £15 per dog per night, with a limit of two dogs per room, and provide a bed, bowls and towels for muddy paws. Dogs can join you in the bar but not in the restaurant.</p></details>
<details><summary>Do you welcome children?</summary><p>Children of all ages are welcome, and cots and high chairs are free. There is a children's menu in the restaurant until 19:00; after that we keep the dining room for grown-ups and older children who can sit through three courses.</p></details>
<details><summary>Is the hotel suitable for guests with limited mobility?</summary><p>There is no lift, and the upper floors are reached by stairs only, so please tell us if stairs are difficult. Garden Room 1 on the ground floor has step-free access from the car park, a level-access wet room with grab rails and a raised bed. The restaurant, bar and garden are all on the ground floor.</p></details>
<details><summary>Is there a minimum stay?</summary><p>From May to September we only take Friday and Saturday bookings for two nights or more. At other times of year one night is fine, and we often have single nights free at short notice in summer too, so do ask.</p></details>
<details><summary>Can you arrange something special for an anniversary?</summary><p>We can put a bottle of Champagne on ice in your room for your arrival (£48), or sparkling wine from the Pellow vineyard up the valley (£39), with flowers from the market for £25. Ask when you book and we will keep it a surprise.</p></details>
<details><summary>Where can I keep my bike or surfboard?</summary><p>There is a locked shed in the garden with racks for bikes and boards and an outside tap to rinse off sand and salt. Ask reception for the code.</p></details>
<details><summary>Is the Wi-Fi good?</summary><p>Yes, it is free and fast throughout the house and the garden. It is weaker in the Crow's Nest, under the slate roof.</p></details>
""", "2026-04-27"))

pages.append(page("/policies/", "Booking terms", """
<h1>Booking terms and house policies</h1>
<h2>Deposits</h2>
<p>When you book a room we take the cost of the first night as a deposit, by card. The rest of your bill, including drinks and dinners, is settled when you leave.</p>
<h2>Changing or cancelling a booking</h2>
<p>You can change or cancel free of charge up to 14 days before you arrive, and we will refund your deposit in full. If you cancel later than that, we keep the deposit. If you cancel within 48 hours of arrival, or don't arrive at all, we charge for your whole stay unless we manage to let the room to someone else. We strongly suggest travel insurance.</p>
<p>Christmas and New Year packages need a 50% deposit, which is not refundable.</p>
<h2>Paying</h2>
<p>We accept Visa, Mastercard and American Express credit and debit cards, contactless payment including Apple Pay and Google Pay, and cash in pounds sterling. We no longer take cheques. Wedding and event balances are paid by bank transfer; we send the details with your invoice.</p>
<h2>Restaurant bookings</h2>
<p>For tables of eight or more we take a deposit of £10 a head, which comes off your bill. If a booked table is not used and you have not told us at least 24 hours before, we charge £20 a head.</p>
<h2>In the house</h2>
<p>The whole hotel is non-smoking, including e-cigarettes; there are benches in the front garden for smokers. If a room needs deep cleaning after smoking, we charge £150. Please keep noise down after 23:00: the walls are old, but they are not thick.</p>
""", "2026-02-16"))

pages.append(page("/getting-here/", "Getting here", """
<h1>Getting to Wrenmouth</h1>
<p>Samphire House stands halfway up Quay Hill, the steep cobbled street that runs down to the harbour. The address is 3 Quay Hill, Wrenmouth WM7 2QX.</p>
<h2>By train</h2>
<p>Travel to Tremorden on the main line and change there for the Wrenmouth branch. Branch trains leave Tremorden every hour and take 22 minutes. Wrenmouth station is at the top of the town, a ten-minute walk down to us.</p>
<p>The walk back up is steep with heavy cases. Phone reception when your train arrives and we will collect you and your luggage in the hotel van, free of charge, until 21:00.</p>
<h2>By bus</h2>
<p>The 56 coast bus runs from Tremorden bus station to Wrenmouth Quay every 90 minutes, and the stop is at the bottom of Quay Hill.</p>
<h2>By car</h2>
<p>Leave the main road at the Wrenmouth roundabout and follow the brown signs for the harbour. Don't drive down Quay Hill itself: it is too narrow, and sat navs love it. Instead, turn left into Rope Walk by the Methodist chapel; our car park is at the end, behind the hotel, with a gate into the garden.</p>
<img src="/images/car-park.jpg" alt="The residents' car park on Rope Walk behind Samphire House, with 14 spaces and two charging points for electric cars">
<h2>Parking</h2>
<p>Parking in our car park is free for hotel guests; we give you a permit for your dashboard at check-in. Restaurant guests who are not staying should use the Quay car park on the harbour front (pay and display, free after 18:00), two minutes' walk away.</p>
""", "2026-07-09"))

pages.append(page("/local-area/", "Around Wrenmouth", """
<h1>Our guide to Wrenmouth</h1>
<p>Wrenmouth is a working fishing harbour with a few hundred houses piled up the valley behind it. There is not a great deal to do, which is the point. These are the places we send our friends.</p>
<h2>The beach</h2>
<p>Wrenmouth Sands is the long beach just east of the harbour wall, five minutes' walk from our front door. It is sandy at all states of the tide and sheltered from the west. RNLI lifeguards patrol the beach from late May to early September, between the red and yellow flags; outside those months, and at the rocky end under the cliffs, please take care.</p>
<h2>Walking</h2>
<p>The coast path passes the end of Rope Walk. Westward it climbs to Pellow Head and the old coastguard lookout, about 40 minutes there and back. Eastward it runs six miles along the cliffs to Gullhaven, where the 56 bus can bring you home. We make up packed lunches if you ask the evening before.</p>
<h2>Boats and seals</h2>
<p>Skerry Boats run trips from the quay to the seal colony on the Mare Rocks from April to October, weather permitting. Book at their kiosk on the harbour front; the morning trips are calmer. Crabbing from the harbour wall costs nothing but a line and some bacon, and the children's record, we are told, is 41 crabs in an afternoon.</p>
<h2>In the town</h2>
<p>The Wrenmouth Maritime Museum fills the old lifeboat house and tells the story of the harbour's wrecks and rescues. The new lifeboat station next door welcomes visitors when the crew are training. On Tuesday and Friday mornings the fish market on the quay sells to the public from 7:00 until the fish runs out.</p>
<h2>Rainy days</h2>
<p>Tremorden, 22 minutes away by train, has a cinema, a covered market and the county gallery. Closer to home, a long lunch in the Samphire Room and a book by the fire in the bar is never a bad plan.</p>
""", "2025-09-30"))

pages.append(page("/weddings/", "Weddings", """
<h1>Weddings at Samphire House</h1>
<p>We host around twenty weddings a year, never more than one a weekend, so that each couple has the house and our full attention. The Garden Room, with its wall of glass onto the lawn and the harbour beyond, is licensed for civil ceremonies and civil partnerships and seats up to 70 guests.</p>
<p>The wedding breakfast is served in the Samphire Room for up to 60 guests. From May to September you can add a marquee on the lawn for up to 120 guests, dancing included.</p>
<h2>Packages</h2>
<table>
  <caption>Wedding packages (prices include VAT)</caption>
  <thead><tr><th>Package</th><th>When</th><th>What is included</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Winter</td><td>November to March</td><td>40 day guests, the Garden Room for your ceremony, a drinks reception, a three-course wedding breakfast with half a bottle of wine each, an evening buffet</td><td>£7,500</td></tr>
    <tr><td>Summer</td><td>April to October</td><td>60 day guests and everything in the winter package, plus canapés and a Champagne toast</td><td>£11,800</td></tr>
    <tr><td>Just the two of us</td><td>Monday to Thursday, any month</td><td>Up to 10 guests, the ceremony, a long lunch in the Chart Room, and a night in a harbour-view double for the couple</td><td>£1,950</td></tr>
  </tbody>
</table>
<p>Extra day guests cost £95 each, and evening guests £28 each.</p>
<h2>Staying over</h2>
<p>For Saturday weddings from May to September we ask you to take all eleven bedrooms for the Friday and Saturday nights, so the house is yours. At other times rooms are booked by your guests in the usual way, at a 10% discount.</p>
<h2>Securing your date</h2>
<p>A deposit of £1,500 holds your date; the balance is due eight weeks before the wedding. Come and look round: email weddings@samphirehouse.example and our events coordinator will show you the rooms, the garden and the view you'll have in your photographs.</p>
""", "2026-01-22"))

pages.append(page("/private-dining/", "Private dining", """
<h1>Private dining and celebrations</h1>
<p>The Chart Room, on the first floor, was the harbourmaster's study. Old Admiralty charts of the coast line the walls, and the long oak table seats up to 14. It suits birthday dinners, family reunions, business dinners and christenings.</p>
<h2>Menus</h2>
<p>Kit will write a menu for your party, from £52 a head for three courses with coffee and petits fours. We ask for your choices a week before, and we can match wines to them.</p>
<h2>Minimum spend</h2>
<p>There is no charge for the room itself, but there is a minimum spend on food and drink:</p>
<table>
  <thead><tr><th>When</th><th>Minimum spend</th></tr></thead>
  <tbody>
    <tr><td>Lunch, any day</td><td>£250</td></tr>
    <tr><td>Dinner, Sunday to Thursday</td><td>£350</td></tr>
    <tr><td>Dinner, Friday</td><td>£500</td></tr>
    <tr><td>Dinner, Saturday</td><td>£600</td></tr>
  </tbody>
</table>
<h2>Larger parties</h2>
<p>For up to 40 people, you can take over the whole Samphire Room on a Monday evening, when it is otherwise closed for dinner.</p>
<h2>After a funeral</h2>
<p>We are often asked to look after families after a service at St Petroc's, just up the hill. For wakes and celebrations of life we serve sandwiches, sausage rolls, scones and cake in the Garden Room from £14.50 a head, at a day or two's notice.</p>
""", "2026-02-03"))

pages.append(page("/about/", "Our story", """
<h1>Our story</h1>
<p>Samphire House was built in 1852 for Wrenmouth's harbourmaster, who could watch every boat in and out from the bay windows on the first floor. It stayed with the harbour board for more than a century, until Jack and Maureen Carrow bought it in 1978 and opened it as a guest house with six bedrooms and a dining room for the fishermen's families on Sundays.</p>
<p>Their son Ewan grew up clearing tables. He and his wife Rosalind took the house over in 2004, added the garden rooms in the old stable block and turned the dining room into a proper restaurant. In 2019 their son Kit came home from cooking in London to run the kitchen, which makes him the third generation of Carrows at Samphire House.</p>
<h2>Looking after the place</h2>
<p>We heat the water with an air-source heat pump and solar panels on the stable roof, we buy our fish from boats that land within sight of the house, and our laundry is done in Wrenmouth rather than sent away.</p>
""", "2025-12-08"))

pages.append(page("/team/", "The team", """
<h1>Who you will meet</h1>
<section>
<h3>Rosalind and Ewan Carrow, owners</h3>
<p>Rosalind looks after the rooms and the garden; Ewan looks after the bar, the books and the boiler. Between them they have run the hotel since 2004.</p>
</section>
<section>
<h3>Kit Carrow, head chef</h3>
<p>Kit trained in Bristol and spent eight years in London kitchens before coming home in 2019. He still goes down to the quay most mornings to choose the fish.</p>
</section>
<section>
<h3>Lina Marsh, restaurant manager</h3>
<p>Lina runs the Samphire Room and the wine list. If you have a question about a booking for dinner, she is the person to talk to.</p>
</section>
<section>
<h3>Hannah Iredale, events coordinator</h3>
<p>Hannah plans every wedding and private party with the couple or family, from the first visit to the last dance, and looks after bookings for the Chart Room.</p>
</section>
<h2>Front of house and housekeeping</h2>
<p><strong>Jonah Tregear</strong> and <strong>Sunita Rao</strong> run reception, and Jonah drives the station van. <strong>Bea Pollard</strong> has led our housekeeping team for sixteen years.</p>
""", "2026-08-14"))

pages.append(page("/careers/", "Work with us", """
<h1>Work with us</h1>
<p>We are a team of about twenty-five in summer and fifteen in winter. Tips are shared equally between everyone in the hotel, including the kitchen and housekeeping, and every member of staff gets a free night's stay and dinner for two after a year with us.</p>
<h2>Breakfast chef (full time, all year)</h2>
<p>Five shifts a week, usually 6:30 to 14:30, cooking breakfast for hotel guests and non-residents and helping to prepare lunch. £13.20 an hour plus your share of tips. Experience in a busy kitchen is more important to us than qualifications.</p>
<h2>Seasonal housekeeping, April to October</h2>
<p>Cleaning and preparing bedrooms, and helping with laundry and the public rooms. Mornings only, 8:30 to 13:30, five days a week. £12.75 an hour plus tips.</p>
<h2>Somewhere to live</h2>
<p>Finding a room in Wrenmouth in summer is hard, so we have four staff bedrooms in the coach house, each with its own shower room, for £85 a week including bills. They go to seasonal staff first.</p>
<p>Send a short note about yourself to jobs@samphirehouse.example. We interview from February for the summer season.</p>
""", "2026-11-24"))

pages.append(page("/gift-vouchers/", "Gift vouchers", """
<h1>Gift vouchers</h1>
<p>Give someone a few days by the sea, a long dinner, or just an excuse to visit.</p>
<h2>Choose a voucher</h2>
<ul>
  <li><strong>Money vouchers</strong> for any amount from £25, to spend on rooms, meals or drinks.</li>
  <li><strong>Dinner, bed and breakfast for two</strong>: one night in a garden double, dinner in the Samphire Room and breakfast the next morning, Sunday to Thursday: £295.</li>
  <li><strong>Sunday lunch for two</strong>, three courses with a glass of wine each: £84.</li>
  <li><strong>Afternoon tea for two</strong> on the terrace or by the fire: £36.</li>
</ul>
<h2>How vouchers work</h2>
<p>Vouchers are valid for 18 months from the date they are bought, and the expiry date is printed on each one. We email e-vouchers straight away; printed vouchers in a card come by first-class post for £2.50. Vouchers can't be exchanged for cash, but you can use one towards a larger bill.</p>
<p>To buy, ring reception or email stay@samphirehouse.example.</p>
""", "2026-09-15"))

pages.append(page("/contact/", "Contact us", """
<h1>Contact us</h1>
<p>Reception is open from 7:00 to 21:00 every day. Call us on 01632 960 518 or email stay@samphirehouse.example; we answer emails the same day.</p>
<ul>
  <li>Table bookings: table@samphirehouse.example</li>
  <li>Weddings and private dining: weddings@samphirehouse.example</li>
  <li>Arriving after 21:00: the duty manager on 07700 900 246</li>
</ul>
<p>Write to us at Samphire House, 3 Quay Hill, Wrenmouth WM7 2QX. For directions, see <a href="/getting-here/">getting here</a>.</p>
""", "2026-04-27"))

pages.append(page("/news/winter-breaks/", "Winter midweek breaks", """
<article>
<h1>Winter by the sea: stay three nights, pay for two</h1>
<p><time datetime="2026-10-06">6 October 2026</time></p>
<p>Wrenmouth in winter is a different place: empty sand, big seas, the fire lit in the bar by four o'clock. To tempt you down, stay with us for three nights from Sunday to Thursday between 1 November 2026 and 25 March 2027 and the third night is free. The offer applies to every room, when you book direct, and does not include Christmas and New Year.</p>
<p>We'll also be taking our own break: the hotel and the restaurant are closed from 4 to 22 January 2027, reopening on Saturday 23 January.</p>
</article>
""", "2026-10-06", '<meta property="article:published_time" content="2026-10-06">'))

pages.append(page("/news/dinner-prices-2026/", "Dinner prices from 1 December", """
<article>
<h1>A new dinner menu, and new prices, from 1 December 2026</h1>
<p><time datetime="2026-11-18">18 November 2026</time></p>
<p>Kit's winter menu starts on 1 December, with game from the farms inland and the first scallops of the season from the day boats. We have held dinner prices for two years, but what we pay for fish, butter and energy has not stood still.</p>
<p>From 1 December 2026 dinner costs £38 for two courses (it was £35) and £46 for three (it was £42). Supplements for oysters and lobster stay the same, and breakfast, lunch and Sunday lunch prices don't change.</p>
<p>Tables booked before this notice will be charged at the old prices. Lina will be glad to answer any questions.</p>
</article>
""", "2026-11-18", '<meta property="article:published_time" content="2026-11-18">'))

pages.append(page("/privacy/", "Privacy and cookies", """
<h1>Privacy and cookies</h1>
<p>We keep your name, address, phone number and email address to manage your booking, and your booking and payment records for six years because the tax rules require it. We never pass your details to anyone else for marketing.</p>
<p>Card details are handled by our payment provider and are not stored on our own systems. CCTV covers the car park and the front door; recordings are kept for 30 days.</p>
<p>This website sets one cookie, <code>sh_booking</code>, which holds your room choice while you book. We do not use advertising or analytics cookies.</p>
<p>To see what we hold about you, or to ask us to delete it, email privacy@samphirehouse.example.</p>
""", "2026-01-12"))

# The pages (hand-written content) of Medlar Tree, a garden centre, nursery and café the project has never seen.
pages.append(page("/", "Independent garden centre and nursery in Pellingford", """
<h1>A garden centre that still grows its own</h1>
<p class="lead">Medlar Tree has sold plants on Kettle Lane since 1981, when Frank Halloran put a trestle table of cabbage seedlings at the end of his father's market garden. Today we are a proper garden centre, with a covered plant area, a shop full of tools and seeds, the Bothy caf&eacute; and, two miles up the valley, our own nursery at Upper Hay Farm.</p>
<img src="/images/old-medlar.jpg" alt="The old medlar tree in the middle of the plant area, hung with fairy lights in December">
<h2>What you'll find here</h2>
<ul>
  <li><a href="/plants/">Plants for every month</a>: shrubs, perennials, fruit trees, climbers, houseplants and whatever the season brings.</li>
  <li><a href="/hedging/">Hedging by the metre</a>, much of it grown at Upper Hay, and <a href="/compost-and-bark/">compost, bark and topsoil</a> by the bag or the tonne.</li>
  <li><a href="/garden-design/">Garden design and landscaping</a>, from a planting plan for one border to a whole new garden.</li>
  <li><a href="/workshops/">Workshops and talks</a> through the year, and a Saturday club for children.</li>
  <li><a href="/cafe/">The Bothy</a>, our caf&eacute;, for breakfast, lunch and a slice of cake among the plants.</li>
</ul>
<h2>Still independent</h2>
<p>We are owned by the Halloran family and nobody else. Our buyers choose every plant on the benches, the people on the plant desk are gardeners themselves, and about a third of what we sell has never been further than the two miles from our nursery to Kettle Lane.</p>
<h2>Latest news</h2>
<p>The <a href="/news/christmas-2026/">Christmas shop and real trees</a> are here, and there are <a href="/news/delivery-charges-2026/">changes to our delivery charges</a> from December.</p>
""", "2026-10-22"))

pages.append(page("/plants/", "Plants and seasonal stock", """
<h1>Plants through the year</h1>
<p>Around two thousand kinds of plant pass through our benches in a year. Everything hardy spends its time outside, under shade netting in summer and open to the weather in winter, so what you buy from us is used to a Pellingford garden, not a heated shed.</p>
<h2>Grown at Upper Hay</h2>
<p>Our nursery at Upper Hay Farm grows perennials, hedging, herbs and vegetable plants from seed and cuttings in peat-free compost. Look for the green Upper Hay label: those plants come with a longer <a href="/plant-guarantee/">guarantee</a>.</p>
<h2>Season by season</h2>
<h3>Winter (December to February)</h3>
<p>Bare-root hedging, roses and fruit trees, hellebores, cyclamen, winter-flowering heathers and witch hazels. Seed potatoes, onion sets and shallots arrive in late January, with more than thirty potato varieties sold loose by weight so you can buy exactly as many as you need.</p>
<h3>Spring (March to May)</h3>
<p>The busiest time on the benches: perennials, alpines, herbs and vegetable plants, followed by summer bedding, which we hold back until the middle of May because frost in the valley is common until then. Hanging baskets can be planted up to order from April.</p>
<h3>Summer (June to August)</h3>
<p>Lavender, salvias, hydrangeas and grasses, patio plants in flower, and a good range of water lilies, marginals and oxygenating plants for ponds.</p>
<h3>Autumn (September to November)</h3>
<p>Spring-flowering bulbs loose and in nets, wallflowers and winter pansies, heathers, trees and shrubs planted while the soil is still warm, then the first bare-root stock from the middle of November.</p>
<h2>Fruit trees</h2>
<p>We stock over forty varieties of apple, pear, plum and cherry, most of them on semi-vigorous rootstocks for a traditional tree. For small gardens and patio pots, choose trees on M27 or M9 dwarfing rootstocks, which stay under two metres and fruit in their second or third year. Ask the plant desk about pollination partners.</p>
<h2>The Glasshouse</h2>
<p>Our houseplant room is at the back of the shop: ferns, palms, cacti, orchids and trailing plants, with pots and plant food to go with them. Houseplants are kept warm and will need the same indoors, so bring a bag to carry them to the car when it is cold.</p>
""", "2026-09-08"))

pages.append(page("/hedging/", "Hedging plants and prices", """
<h1>Hedging</h1>
<p>A new hedge is cheaper than a fence, better for birds, and lasts a lifetime if it is planted well. Most of our hedging is grown at Upper Hay in two-litre or three-litre pots, so it can go in at any time of year, and from November to March we also sell bare-root whips at a lower price.</p>
<h2>Pot-grown hedging prices</h2>
<table>
  <caption>Price per plant, pot-grown, by height</caption>
  <thead><tr><th>Plant</th><th>40 to 60 cm</th><th>60 to 90 cm</th><th>90 to 120 cm</th><th>120 to 150 cm</th></tr></thead>
  <tbody>
    <tr><td>Green beech (Fagus sylvatica)</td><td>£3.20</td><td>£5.40</td><td>£8.90</td><td>£14.50</td></tr>
    <tr><td>Hornbeam</td><td>£3.20</td><td>£5.60</td><td>£9.25</td><td>£15.00</td></tr>
    <tr><td>Hawthorn (quickthorn)</td><td>£2.10</td><td>£3.40</td><td>£5.75</td><td>Not grown</td></tr>
    <tr><td>Privet</td><td>£2.60</td><td>£4.20</td><td>£6.80</td><td>£10.90</td></tr>
    <tr><td>Cherry laurel</td><td>£4.10</td><td>£7.50</td><td>£12.40</td><td>£19.95</td></tr>
    <tr><td>English yew (Taxus baccata)</td><td>£9.80</td><td>£18.00</td><td>£29.50</td><td>£46.00</td></tr>
  </tbody>
</table>
<p>Buy 50 or more of one kind and we take 10% off. Our native hedge mix, a bundle of 25 bare-root whips of hawthorn, blackthorn, field maple, hazel and dog rose, costs £42 in the bare-root season.</p>
<h2>How many will I need?</h2>
<p>For a single row, allow three plants per metre; for a thick, stock-proof hedge, plant a staggered double row with five plants per metre. Yew and laurel are the exception: two plants per metre is plenty.</p>
<h2>Planting</h2>
<p>Dig a trench rather than individual holes, mix in a bag of soil improver every two metres, and water every week through the first summer. A hedge that dries out in its first July is the commonest reason hedges fail, and it is not covered by our guarantee.</p>
""", "2026-08-27"))

pages.append(page("/compost-and-bark/", "Compost, bark and topsoil", """
<h1>Compost, bark and topsoil</h1>
<p>Every compost we sell has been peat-free since spring 2023. The bagged range lives in the covered yard by the collection point; bring your car round and we will load it for you.</p>
<h2>Bagged</h2>
<table>
  <thead><tr><th>Product</th><th>Bag size</th><th>Price</th><th>Multi-buy</th></tr></thead>
  <tbody>
    <tr><td>Peat-free multi-purpose compost</td><td>50 litres</td><td>£7.99</td><td>3 for £20</td></tr>
    <tr><td>Loam-based potting compost (John Innes No. 3 type)</td><td>25 litres</td><td>£6.49</td><td>None</td></tr>
    <tr><td>Ericaceous compost for acid-loving plants</td><td>40 litres</td><td>£8.49</td><td>2 for £15</td></tr>
    <tr><td>Well-rotted farmyard manure</td><td>50 litres</td><td>£5.99</td><td>4 for £20</td></tr>
    <tr><td>Screened topsoil</td><td>25 kg</td><td>£4.49</td><td>None</td></tr>
    <tr><td>Composted bark mulch</td><td>70 litres</td><td>£8.99</td><td>3 for £24</td></tr>
    <tr><td>Decorative pine bark chips</td><td>90 litres</td><td>£11.50</td><td>None</td></tr>
  </tbody>
</table>
<h2>Bulk bags</h2>
<p>For new beds, lawns and big mulching jobs, a bulk bag works out much cheaper. Each holds about 0.7 cubic metres, enough to cover seven square metres ten centimetres deep.</p>
<ul>
  <li>Screened topsoil: £89 a bulk bag</li>
  <li>Soil improver made from green waste: £85 a bulk bag</li>
  <li>Composted bark mulch: £79 a bulk bag</li>
</ul>
<p>Bulk bags are too heavy for a car and are only sold with <a href="/delivery/">delivery</a>. Our lorry has a crane arm and can lift a bag over a low wall, but it needs a firm, level spot within three metres of the road.</p>
""", "2026-02-19"))

pages.append(page("/delivery/", "Delivery", """
<h1>Delivery</h1>
<p>Our own van and lorry deliver from Tuesday to Saturday. Order in person, by phone or by email; we'll ring the evening before with a two-hour slot. If you are out, tell us where to leave plants in the shade.</p>
<h2>Where we deliver and what it costs</h2>
<table>
  <caption>Delivery charges per order</caption>
  <thead><tr><th>Zone</th><th>Distance from the garden centre</th><th>Includes</th><th>Charge</th></tr></thead>
  <tbody>
    <tr><td>Zone 1</td><td>Up to 5 miles</td><td>Pellingford, Hay Cross, Little Brampton, Sedley</td><td>£6, free on orders over £60</td></tr>
    <tr><td>Zone 2</td><td>5 to 12 miles</td><td>Harcombe, Ashby St Clare, Walden Magna, Brook Orton</td><td>£9.50</td></tr>
    <tr><td>Zone 3</td><td>12 to 20 miles</td><td>Kingsmoor, Fennick, Tolworth Green</td><td>£15</td></tr>
  </tbody>
</table>
<p>Bulk bags of topsoil, bark and soil improver are delivered by the lorry for £25 per drop in any zone, whatever else is on the order. Further than 20 miles, ask us for a price.</p>
<h2>Collecting yourself</h2>
<p>If you would rather collect, pay at the tills and drive round to the collection point behind the compost yard, where we will load your car. Anything paid for can wait for you for a week.</p>
""", "2026-03-10"))

pages.append(page("/garden-design/", "Garden design and landscaping", """
<h1>Garden design and landscaping</h1>
<p>Our design studio, above the shop, has been drawing gardens for Pellingford and the villages around it for twenty years. Some clients want a plan they can plant themselves over a few weekends; others want the whole job done, from clearing the ground to the last bulb.</p>
<h2>How it works</h2>
<ol>
  <li><strong>A first visit.</strong> One of our designers comes to your garden for about an hour and a half, looks at the soil, the light and the views, and talks through what you want. The visit costs £95, which we take off the price of a design if you go ahead.</li>
  <li><strong>The design.</strong> A scale drawing of the whole garden, with paths, beds, structures and a planting plan. Design fees start at £650 for a small town garden. If you only need new borders, a planting plan on its own starts at £240.</li>
  <li><strong>Building it.</strong> Our landscaping team lays patios and paths, builds raised beds, walls and pergolas, puts up fencing and plants everything, with plants chosen from our own benches and Upper Hay. We quote a fixed price before work starts.</li>
</ol>
<h2>When</h2>
<p>Landscaping work is usually booked about ten weeks ahead, and spring fills up by February. Planting is best from October to April, but pot-grown plants can go in at any time if they are watered.</p>
<p>To arrange a first visit, email design@medlartree.example or ask at the plant desk.</p>
""", "2026-06-30"))

pages.append(page("/workshops/", "Workshops and events", """
<h1>Workshops, talks and events</h1>
<p>All our workshops are held in the Potting Shed, the timber classroom by the nursery gate. Prices include materials and a hot drink from the Bothy, and you take home whatever you make. Book at the tills, by phone or by email to events@medlartree.example.</p>
<h2>Winter and spring 2026 to 2027</h2>
<table>
  <thead><tr><th>Date</th><th>Workshop</th><th>Time</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Saturday 5 and 12 December, Thursday 10 December</td><td>Christmas wreath making, with fresh foliage from Upper Hay</td><td>10:00 to 12:30 (Thursday 18:00 to 20:30)</td><td>£45</td></tr>
    <tr><td>Saturday 16 January</td><td>Winter pruning of apples and pears, in our own orchard</td><td>10:00 to 12:00</td><td>£25</td></tr>
    <tr><td>Saturday 13 February</td><td>Seed sowing for beginners</td><td>10:00 to 12:00</td><td>£20</td></tr>
    <tr><td>Saturday 20 March</td><td>Planting a spring container to take home</td><td>10:00 to 12:00</td><td>£35</td></tr>
    <tr><td>Wednesday 21 April</td><td>Evening talk: gardening for wildlife, with Dafydd Pryce</td><td>19:00 to 20:30</td><td>£8</td></tr>
  </tbody>
</table>
<p>Places are limited to twelve, and we refund in full if you cancel at least seven days before.</p>
<h2>Little Sprouts</h2>
<p>Our club for children aged four to ten meets on the first Saturday of every month, and on the Tuesday of each school half term, from 10:30 to 11:30. They sow, plant, dig and get muddy, and take their pot home. It costs £6 a child, with a free babyccino for the grown-up who stays with them.</p>
<h2>Apple Day</h2>
<p>Every October we hold Apple Day on the lawn: juice pressing, apple identification, and a tasting of the varieties in our orchard. Entry is free.</p>
""", "2026-10-01"))

pages.append(page("/cafe/", "The Bothy caf&eacute;", """
<h1>The Bothy</h1>
<p>The Bothy began as a tea hut for the nursery staff, and it still has their old stove in the corner. Now it seats sixty inside and forty more on the terrace under the vine. We bake every morning and cook lunch from scratch, using vegetables and herbs from Upper Hay when we have them.</p>
<h2>When we're open</h2>
<table>
  <thead><tr><th>Day</th><th>Caf&eacute; open</th><th>Hot food</th></tr></thead>
  <tbody>
    <tr><td>Monday to Saturday</td><td>9:00 to 16:45</td><td>9:00 to 14:30</td></tr>
    <tr><td>Sunday and bank holidays</td><td>10:30 to 16:00</td><td>10:30 to 14:30</td></tr>
  </tbody>
</table>
<h2>What we serve</h2>
<h3>Breakfast (until 11:30)</h3>
<ul>
  <li>Bacon or sausage bap: £5.25</li>
  <li>Two eggs on sourdough toast, poached, fried or scrambled: £6.50</li>
  <li>Porridge with honey or berry comp&ocirc;te: £4.75</li>
  <li>Mushrooms on toast with thyme butter: £6.95</li>
</ul>
<h3>Lunch (11:30 to 14:30)</h3>
<ul>
  <li>Soup of the day with a chunk of bread: £6.50</li>
  <li>Jacket potato with cheese, beans, tuna mayonnaise or chilli: £8.25</li>
  <li>Quiche of the day with two salads: £10.95</li>
  <li>Cheese and chutney or ham and mustard toastie: £7.50</li>
  <li>Children's lunch bag (sandwich, fruit, a biscuit and a drink): £5.50</li>
</ul>
<h3>Cakes and afternoon</h3>
<ul>
  <li>Cream tea, two scones with clotted cream and jam and a pot of tea: £8.95</li>
  <li>A slice of cake from the counter: £3.60</li>
  <li>Toasted teacake: £2.95</li>
</ul>
<p>Tea, coffee, hot chocolate, juices and soft drinks all day. Gluten-free bread and a gluten-free cake are always available; ask at the counter about allergens.</p>
<h2>Dogs</h2>
<p>Dogs are welcome on the terrace and in the Potting Room, the caf&eacute;'s back room with the tiled floor, where there are water bowls and a jar of biscuits. We ask you to keep them out of the main dining room, except for assistance dogs.</p>
""", "2026-05-14"))

pages.append(page("/loyalty/", "The Medlar Card", """
<h1>The Medlar Card</h1>
<p>Our loyalty card is free, and it pays you back for shopping with an independent.</p>
<h2>How it works</h2>
<ul>
  <li>Earn one point for every £1 you spend, in the garden centre and in the Bothy.</li>
  <li>Every 250 points turn into a £5 voucher, which we post or email four times a year, in March, June, September and December.</li>
  <li>Vouchers are valid for three months and can be spent on anything except gift cards.</li>
</ul>
<p>Points aren't earned on delivery charges, gift cards, design fees or landscaping work.</p>
<h2>Cardholder extras</h2>
<ul>
  <li>Tuesday mornings: cardholders aged 60 and over get 10% off plants before midday.</li>
  <li>A free slice of cake in the Bothy during your birthday month.</li>
  <li>Early notice of workshops, and a members' evening each spring with a wine and cheese welcome.</li>
</ul>
<p>Pick up a card at any till, or scan the code by the entrance to join on your phone. If you lose your card, we can move your points to a new one at the customer service desk.</p>
""", "2026-01-27"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>Can I bring my dog?</summary><p>Yes. Dogs on a short lead are welcome everywhere in the garden centre, and there are poo bags and a water bowl by the entrance. In the Bothy, dogs can join you on the terrace and in the Potting Room.</p></details>
<details><summary>Do you have wheelchairs or mobility scooters to borrow?</summary><p>We have two mobility scooters and three wheelchairs that you can borrow for free while you shop. They are kept by the customer service desk; ring ahead to book a scooter at weekends.</p></details>
<details><summary>Can you keep something for me until I can pick it up?</summary><p>Once you have paid, we will hold plants and goods for 7 days at the collection point. For larger items such as trees or furniture we can hold them for up to 14 days; please tell the till when you pay.</p></details>
<details><summary>What can I do with old plant pots?</summary><p>Bring them back. There is a pot recycling bay beside the nursery gate where you can leave clean plastic pots and trays of any colour. We reuse what we can at Upper Hay and send the rest for recycling.</p></details>
<details><summary>Do you sell gift cards?</summary><p>Yes, in any amount from £10 to £250. They can be spent in the garden centre and the Bothy, and they are valid for 24 months from the date of purchase.</p></details>
<details><summary>Something is wrong with my plant. Can anyone help?</summary><p>Bring a sample in a sealed plastic bag to the plant clinic, held at the plant desk on Saturday mornings from 10:00 to 12:00. Peggy Okafor will tell you what the problem is and what to do about it. Please don't bring whole diseased plants into the plant area.</p></details>
<details><summary>Can you help me get heavy things into the car?</summary><p>Yes. Pay at the tills, then drive round to the collection point behind the compost yard and show your receipt; someone will load your car.</p></details>
<details><summary>Can I order online?</summary><p>Our online shop sells gift cards and workshop places only. For plants and garden goods, phone the plant desk or email orders@medlartree.example, and we can take payment over the phone for collection or <a href="/delivery/">delivery</a>.</p></details>
<details><summary>Do you buy plants from the public?</summary><p>No, sorry. Everything we sell comes from our own nursery or from growers we know and visit.</p></details>
""", "2026-07-16"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <thead><tr><th>Day</th><th>Garden centre</th></tr></thead>
  <tbody>
    <tr><td>Monday to Saturday</td><td>9:00 to 17:30</td></tr>
    <tr><td>Sunday</td><td>10:30 to 16:30 (browsing from 10:00)</td></tr>
    <tr><td>Bank holidays</td><td>10:00 to 16:30</td></tr>
  </tbody>
</table>
<p>We close on Easter Sunday. The Bothy caf&eacute; keeps <a href="/cafe/">its own hours</a>, and the collection point closes fifteen minutes before the garden centre.</p>
<h2>Christmas and New Year 2026</h2>
<table>
  <thead><tr><th>Date</th><th>Garden centre</th></tr></thead>
  <tbody>
    <tr><td>Thursday 24 December (Christmas Eve)</td><td>9:00 to 15:00</td></tr>
    <tr><td>Friday 25 December (Christmas Day)</td><td>Closed</td></tr>
    <tr><td>Saturday 26 December (Boxing Day)</td><td>Closed</td></tr>
    <tr><td>Sunday 27 December</td><td>Closed</td></tr>
    <tr><td>Monday 28 December to Wednesday 30 December</td><td>10:00 to 16:00</td></tr>
    <tr><td>Thursday 31 December (New Year's Eve)</td><td>9:00 to 16:00</td></tr>
    <tr><td>Friday 1 January (New Year's Day)</td><td>Closed</td></tr>
  </tbody>
</table>
<p>From Saturday 2 January 2027 we are back to our usual hours. The Bothy is closed from 24 December until 2 January for its annual deep clean.</p>
""", "2026-10-30"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding Medlar Tree</h1>
<p>We are on Kettle Lane, on the northern edge of Pellingford: Medlar Tree Garden Centre, Kettle Lane, Pellingford PF6 3RJ. The plant desk is on 01632 960 407, and general questions can go to hello@medlartree.example.</p>
<h2>By car</h2>
<p>From the town centre, take Abbey Road north out of the market square, past the turning for Pellingford Abbey, and turn right at the mini roundabout into Kettle Lane; we are half a mile along on the left. From the bypass, leave at the Hay Cross junction and follow the brown signs.</p>
<h2>Parking</h2>
<p>The car park is free and has room for about 140 cars, with accessible bays right by the main door. On spring weekends the paddock next door opens as an overflow car park.</p>
<img src="/images/car-park-cafe.jpg" alt="The car park beside the Bothy, with 6 parent-and-child bays next to the caf&eacute; entrance and a shelter for plant trolleys">
<h2>By bus</h2>
<p>The 38 bus from Pellingford market square to Harcombe stops at the garden centre gate every hour, Monday to Saturday; the journey takes eight minutes. There is no Sunday service.</p>
<h2>On foot and by bike</h2>
<p>From the market square it is a twenty-five-minute walk, with a pavement all the way. There are cycle stands by the Bothy terrace.</p>
""", "2026-04-08"))

pages.append(page("/plant-guarantee/", "Plant guarantee and returns", """
<h1>Our plant guarantee</h1>
<p>We want everything you plant to thrive, and we stand behind it.</p>
<h2>How long plants are guaranteed</h2>
<ul>
  <li>Hardy trees, shrubs, climbers, roses, perennials and hedging: 12 months from the date you bought them.</li>
  <li>Plants with the green Upper Hay label, grown at our own nursery: two years.</li>
  <li>Houseplants: 28 days.</li>
</ul>
<p>Bedding plants, bulbs, seeds, vegetable plants and cut Christmas trees are not guaranteed, because how they fare depends so much on the weather and their care.</p>
<h2>If a plant fails</h2>
<p>Bring the plant back, or a photograph of it if it is too big to dig up, with your receipt or the Medlar Card you used to pay. We will replace it with the same plant or another of the same value, or give you a credit note. We can't help if a plant has died from lack of watering, from being planted in the wrong place after our advice, or from damage by animals.</p>
<h2>Returning other goods</h2>
<p>Tools, pots, furniture and other goods can be returned within 30 days if they are unused and in their packaging, with proof of purchase, for a refund to the card you paid with. Faulty goods are covered by your usual legal rights whenever the fault appears.</p>
""", "2025-11-20"))

pages.append(page("/team/", "Our people", """
<h1>The people behind the plants</h1>
<section>
<h3>Tom and Priya Halloran, owners</h3>
<p>Tom is Frank Halloran's son and grew up among the cold frames. He and Priya took over Medlar Tree in 2009. Tom still does the plant buying; Priya looks after the shop, the Bothy and the books.</p>
</section>
<section>
<h3>Dafydd Pryce, nursery manager</h3>
<p>Dafydd runs Upper Hay Farm, where he and a team of four propagate around 60,000 plants a year. He gives our evening talks and knows more about hedging than is strictly healthy.</p>
</section>
<section>
<h3>Imogen Thackray, head of garden design</h3>
<p>Imogen trained at the Pellingford School of Garden Design and has led our design studio since 2014. She makes most of the first visits herself.</p>
</section>
<section>
<h3>Peggy Okafor, plant area supervisor</h3>
<p>Peggy looks after the plant area and runs the Saturday plant clinic. Before joining us she spent thirty years as a parks gardener.</p>
</section>
<section>
<h3>Bea Lomax, Bothy manager</h3>
<p>Bea runs the caf&eacute; and does most of the baking. Her lemon and thyme cake has its own following.</p>
</section>
<p>Deliveries are driven by <strong>Craig Denholm</strong> and <strong>Suzy Fairbrother</strong>; the landscaping team is led by <strong>Owen Marsh</strong>.</p>
""", "2026-03-03"))

pages.append(page("/careers/", "Jobs at Medlar Tree", """
<h1>Work with us</h1>
<p>We employ about forty people in spring and summer and twenty-eight in winter. Everyone gets 20% off in the garden centre and a free lunch in the Bothy on every full shift.</p>
<h2>Seasonal plant area assistant, March to September</h2>
<p>Watering, unloading deliveries, keeping the benches full and tidy, and helping customers choose. You will be outside in all weathers and on your feet all day; we'll teach you the plants. 30 to 40 hours a week including alternate weekends, £12.85 an hour.</p>
<h2>Bothy caf&eacute; assistant, weekends</h2>
<p>Serving at the counter, clearing tables and washing up, every Saturday and Sunday. £12.90 an hour plus a share of tips.</p>
<h2>Nursery hand at Upper Hay, all year</h2>
<p>Potting, taking cuttings and looking after the polytunnels, Monday to Friday from 7:30 to 16:00. You'll need your own transport to reach the farm. £13.40 an hour.</p>
<p>Send a short note and your CV to jobs@medlartree.example, or leave them with Priya at the customer service desk. We recruit for the spring season from January.</p>
""", "2026-11-09"))

pages.append(page("/news/christmas-2026/", "Christmas at Medlar Tree", """
<article>
<h1>The Christmas shop is open, and the trees are on their way</h1>
<p><time datetime="2026-10-22">22 October 2026</time></p>
<p>Our Christmas shop opens in the Glasshouse on Saturday 31 October, with decorations, lights, candles and gifts for gardeners.</p>
<p>Real Christmas trees arrive on Saturday 21 November. This year's Nordmann firs come from Ridgeway Plantation, eleven miles away, and are cut in the week they reach us so they hold their needles. Prices start at £39 for a 4 to 5 ft tree, and every tree is netted for free. Pot-grown trees, which can go back outside in January, start at £29.</p>
<p>Wreath-making workshops are booking fast; see <a href="/workshops/">workshops</a> for dates. And for late shoppers, we will stay open until 19:00 every Thursday in December up to Christmas, with mulled apple juice in the Bothy.</p>
</article>
""", "2026-10-22", '<meta property="article:published_time" content="2026-10-22">'))

pages.append(page("/news/delivery-charges-2026/", "Delivery charges from 1 December", """
<article>
<h1>New delivery charges from 1 December 2026</h1>
<p><time datetime="2026-11-19">19 November 2026</time></p>
<p>We last changed our delivery charges in 2023, and the cost of diesel, insurance and a new van has caught up with us. From 1 December 2026 our charges will be:</p>
<ul>
  <li>Zone 1: £6, as now, but free delivery will apply to orders over £75 (it was £60).</li>
  <li>Zone 2: £12 (it was £9.50).</li>
  <li>Zone 3: stays at £15.</li>
</ul>
<p>The lorry charge for bulk bags stays at £25 a drop. Orders placed before 1 December will be delivered at the old prices, even if they arrive later.</p>
<p>Thank you for supporting a local business. Craig and Suzy look forward to seeing you.</p>
</article>
""", "2026-11-19", '<meta property="article:published_time" content="2026-11-19">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you join the Medlar Card scheme, book a workshop or order a delivery, we keep your name, address, phone number and email address so we can provide what you asked for. Medlar Card purchase records are kept while your card is active and for two years afterwards; delivery and sales records are kept for six years for tax purposes.</p>
<p>We send marketing emails only if you tick the box to receive them, and you can unsubscribe from any email. We never sell or share your details with anyone else for their marketing.</p>
<p>This website sets one cookie, which remembers your basket in the online shop. CCTV covers the car park, the tills and the collection point, and recordings are kept for 31 days.</p>
<p>To see or correct what we hold about you, email privacy@medlartree.example.</p>
""", "2026-01-05"))

# The pages (hand-written content) of Tollgate Bakery, a craft bakery, shop and café the project has never seen.
pages.append(page("/", "Craft bakery, shop and caf&eacute; in Kesterby", """
<h1>Real bread from Kesterby's old tollhouse</h1>
<p class="lead">Tollgate Bakery lives in the little stone tollhouse at the top of Turnpike Row, where carts once paid to use the Kesterby road. Marnie and Ewan Hale opened the bakery here in 2011 with one deck oven and a jar of sourdough starter, and we have been baking through the night ever since.</p>
<h2>What we do</h2>
<ul>
  <li><a href="/bread/">Bread</a> baked every night from flour milled at Hadley's Mill, eleven miles up the river, with long, slow fermentation and no additives.</li>
  <li><a href="/pastries/">Pastries, buns and cakes</a> for the shop counter, made with proper butter.</li>
  <li><a href="/celebration-cakes/">Celebration cakes</a> for birthdays, christenings and weddings, made to order.</li>
  <li><a href="/cafe/">The Tollroom</a>, our small caf&eacute; at the back of the shop, for breakfast, lunch and cake.</li>
  <li><a href="/bread-club/">Bread Club</a>, a weekly loaf paid for by the month, to collect or have delivered.</li>
  <li><a href="/wholesale/">Wholesale</a> bread and pastries for caf&eacute;s, pubs and delis around Kesterby.</li>
  <li><a href="/classes/">Baking classes</a> in the bakehouse, from sourdough to croissants, and a class for children.</li>
  <li>Our <a href="/market/">market stall</a> on the Buttercross every Saturday morning.</li>
</ul>
<h2>Small on purpose</h2>
<p>We are still a family bakery with a team of fourteen. Everything on our shelves is made on Turnpike Row, by hand, in small batches. When it's gone, it's gone, so if you have your heart set on something, ring ahead and we will put it by for you.</p>
<h2>Latest news</h2>
<p>Christmas orders <a href="/news/christmas-2026/">are open</a>, and there are <a href="/news/bread-club-2027/">changes to Bread Club</a> from January.</p>
""", "2026-10-20"))

pages.append(page("/bread/", "Our bread", """
<h1>Our bread</h1>
<p>Our bakers start at two in the morning, and the first loaves come out of the oven at about half past five. Every sourdough is fermented for at least 24 hours, which gives it flavour and a crust that crackles. We use no improvers, no preservatives and no added sugar except where a recipe calls for honey.</p>
<h2>The daily loaves and prices</h2>
<table>
  <caption>Loaves in the shop</caption>
  <thead><tr><th>Loaf</th><th>Weight</th><th>Price</th><th>Baked on</th></tr></thead>
  <tbody>
    <tr><td>Tollgate sourdough (white)</td><td>800 g</td><td>£4.60</td><td>Every day we are open</td></tr>
    <tr><td>Seeded rye sourdough</td><td>750 g</td><td>£5.20</td><td>Tuesday, Thursday and Saturday</td></tr>
    <tr><td>Wholemeal tin</td><td>800 g</td><td>£3.80</td><td>Every day we are open</td></tr>
    <tr><td>Country white bloomer</td><td>800 g</td><td>£3.40</td><td>Every day we are open</td></tr>
    <tr><td>Spelt and honey</td><td>600 g</td><td>£4.90</td><td>Wednesday, Friday and Saturday</td></tr>
    <tr><td>Olive and rosemary fougasse</td><td>400 g</td><td>£3.75</td><td>Friday and Saturday</td></tr>
    <tr><td>Baguette</td><td>250 g</td><td>£2.10</td><td>Every day we are open</td></tr>
    <tr><td>Challah</td><td>500 g</td><td>£5.50</td><td>Friday only</td></tr>
    <tr><td>Gluten-free buckwheat and seed loaf</td><td>550 g</td><td>£5.40</td><td>Thursday only</td></tr>
  </tbody>
</table>
<p>Half loaves of the sourdough and the bloomer are available every day at a little over half the price. We slice any loaf for you, free, once it has cooled.</p>
<h2>Old Tom</h2>
<p>All our sourdough is raised by Old Tom, the starter Marnie brought with her in 2011 and has fed every day since. He lives in a crock on the shelf above the mixer and has his own birthday cake every March.</p>
<h2>Yesterday's bread</h2>
<p>Loaves left over at closing time go on the yesterday shelf by the door the next morning, at half price. Sourdough keeps well for three or four days in a bread bag or a tea towel; please don't put it in the fridge.</p>
""", "2026-09-15"))

pages.append(page("/pastries/", "Pastries, buns and cakes", """
<h1>Pastries, buns and cakes</h1>
<p>Our pastry team starts at four, laminating croissant dough with Cornish butter and shaping the buns that fill the counter by opening time. Here is what you will usually find, though the counter changes with the seasons.</p>
<h2>Every day</h2>
<ul>
  <li>Butter croissant, £2.40</li>
  <li>Pain au chocolat, £2.70</li>
  <li>Almond croissant, £3.20</li>
  <li>Cinnamon knot, £3.10</li>
  <li>Pork and apple sausage roll, £3.60</li>
  <li>Cheese and chive scone, £3.20</li>
  <li>Eccles cake, £2.60</li>
</ul>
<h2>Weekends</h2>
<p>On Saturdays and Sundays we add cardamom buns (£3.30), a seasonal fruit danish (£3.40) and a big tray of brown butter blondies. Cardamom buns sell out by about ten, so come early or ask us to keep some back.</p>
<h2>Cakes by the slice</h2>
<p>There are always four or five cakes on the counter: lemon drizzle, a chocolate cake, a carrot and walnut cake and a seasonal loaf cake, with a tart or two at weekends. A slice costs from £3.50 to £4.20, and any cake on the counter can be bought whole if you give us a day's notice.</p>
<h2>Through the year</h2>
<p>Hot cross buns appear on Ash Wednesday and stay until Easter Monday. In the autumn we bake parkin for Bonfire Night, and in December there is stollen, mince pies and a yule log to order; see our <a href="/news/christmas-2026/">Christmas news</a>.</p>
<p>For what goes into each of these, see <a href="/allergens/">allergens</a>, or ask at the counter for the allergen book.</p>
""", "2026-08-04"))

pages.append(page("/celebration-cakes/", "Celebration cakes to order", """
<h1>Celebration cakes</h1>
<p>Freya and the cake team make around thirty celebration cakes a month, for birthdays, anniversaries, christenings and weddings. Every cake is baked to order a day or two before you collect it, filled with buttercream and finished by hand.</p>
<h2>Sizes and prices</h2>
<table>
  <caption>Round celebration cakes, buttercream finish</caption>
  <thead><tr><th>Size</th><th>Serves</th><th>Price from</th></tr></thead>
  <tbody>
    <tr><td>6 inch, three layers</td><td>8 to 10</td><td>£38</td></tr>
    <tr><td>8 inch, three layers</td><td>14 to 18</td><td>£52</td></tr>
    <tr><td>10 inch, three layers</td><td>24 to 30</td><td>£74</td></tr>
    <tr><td>Two tiers (6 inch on 8 inch)</td><td>about 40</td><td>£145</td></tr>
    <tr><td>Three tiers (wedding)</td><td>about 80</td><td>£320</td></tr>
  </tbody>
</table>
<p>Flavours: Victoria sponge, lemon and elderflower, chocolate fudge, carrot and walnut, and coffee and walnut. Fresh flowers, a piped message and a painted drip are included in the price; sugar figures and gold leaf are extra.</p>
<h2>How to order</h2>
<p>Please give us at least seven days' notice for a single-tier cake, and at least six weeks for a tiered or wedding cake. Order in the shop or by phone, and we will take a deposit of half the price to confirm your date. The deposit is refunded if you cancel more than 14 days before your collection date.</p>
<p>Cakes are collected from the shop. For tiered cakes we can deliver and set up within 15 miles of Kesterby for £35.</p>
<h2>Wedding cakes</h2>
<p>Couples start with a tasting consultation in the Tollroom after closing time: a box of six flavours to try, and an hour with Freya to talk through the design. The consultation costs £25, which comes off the price of your cake if you order with us.</p>
""", "2026-06-22"))

pages.append(page("/cafe/", "The Tollroom caf&eacute;", """
<h1>The Tollroom</h1>
<p>Behind the shop counter, through the arch, is the Tollroom: the old toll-keeper's parlour, with a wood burner, six tables and a walled garden for warmer days. Everything we serve is made in the bakery, and the coffee is roasted by Kiln Lane Roasters in Kesterby.</p>
<h2>When we serve food</h2>
<p>Breakfast is served from opening until 11:30, and lunch from 12:00 until 14:30. Cakes, pastries and drinks are served all day. For the caf&eacute;'s hours, see <a href="/opening-hours/">opening times</a>.</p>
<h2>The menu</h2>
<table>
  <caption>Tollroom menu</caption>
  <thead><tr><th>Dish</th><th>Served</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Toast and jam: two thick slices of sourdough with butter and our own jam</td><td>Breakfast</td><td>£3.90</td></tr>
    <tr><td>Bacon bap on a bloomer roll</td><td>Breakfast</td><td>£6.20</td></tr>
    <tr><td>Poached eggs on sourdough, with spinach or smoked salmon</td><td>Breakfast</td><td>£7.50</td></tr>
    <tr><td>Porridge with honey and toasted seeds</td><td>Breakfast</td><td>£5.20</td></tr>
    <tr><td>Soup of the day with a hunk of bread</td><td>Lunch</td><td>£6.90</td></tr>
    <tr><td>Welsh rarebit with tomato chutney</td><td>Lunch</td><td>£8.40</td></tr>
    <tr><td>Ham, cheddar and mustard sandwich on rye</td><td>Lunch</td><td>£7.80</td></tr>
    <tr><td>Pot of tea for one</td><td>All day</td><td>£2.80</td></tr>
    <tr><td>Flat white</td><td>All day</td><td>£3.30</td></tr>
    <tr><td>Hot chocolate</td><td>All day</td><td>£3.60</td></tr>
  </tbody>
</table>
<p>Bring your own cup and we take 20p off any hot drink.</p>
<h2>Tables, dogs and laptops</h2>
<p>We don't take bookings, except for groups of six or more on weekdays; just come in and we will find you a seat. Dogs are welcome in the garden but not indoors, and there is always a water bowl by the garden gate. Laptops are welcome on weekdays; at weekends we ask you to leave them in your bag so everyone gets a table.</p>
""", "2026-07-09"))

pages.append(page("/bread-club/", "Bread Club", """
<h1>Bread Club</h1>
<p>Bread Club is the easy way to have our bread every week: choose a plan, pay once a month, and your loaves are waiting for you. Members can change their loaf whenever they like by telling us by the Tuesday before.</p>
<h2>Plans</h2>
<table>
  <caption>Bread Club plans</caption>
  <thead><tr><th>Plan</th><th>What you get each week</th><th>Price per month</th></tr></thead>
  <tbody>
    <tr><td>One Loaf</td><td>One loaf of your choice</td><td>£18</td></tr>
    <tr><td>Two Loaf</td><td>Two loaves of your choice</td><td>£34</td></tr>
    <tr><td>Baker's Box</td><td>One loaf and the baker's weekly bake: buns, a tart or a small cake</td><td>£26</td></tr>
  </tbody>
</table>
<h2>Collection and delivery</h2>
<p>Collect your bread from the shop on Friday from 7:30, or from our <a href="/market/">market stall</a> on Saturday morning. Bring your Bread Club card so we can tick you off.</p>
<p>We can also deliver to your door in Kesterby (postcodes KB1, KB2 and KB3) on Friday mornings, for £1.50 a delivery on top of your plan. Rhodri leaves the bread in a paper sack wherever you tell us.</p>
<h2>Holidays and cancelling</h2>
<p>Going away? You can pause your membership for up to four weeks a year, and you won't pay for the weeks you miss. To leave Bread Club, give us two weeks' notice. Payment is by direct debit on the first of each month.</p>
<p>To join, ask at the counter or email breadclub@tollgatebakery.example with your plan and whether you'd like to collect or have delivery.</p>
""", "2026-04-14"))

pages.append(page("/wholesale/", "Wholesale bread and pastries", """
<h1>Wholesale</h1>
<p>We bake for about thirty caf&eacute;s, pubs, restaurants and delis around Kesterby, from a dozen croissants a day to sourdough for a busy gastropub. If your customers ask where the bread comes from, you can tell them: it was made on Turnpike Row a few hours before.</p>
<h2>What we supply</h2>
<ul>
  <li>All of our loaves, including large 1.6 kg sourdough sandwich loaves sliced to order.</li>
  <li>Croissants and pastries, baked or frozen unbaked for you to finish in your own oven.</li>
  <li>Burger buns, brioche rolls and focaccia trays, in quantities of twelve.</li>
  <li>Whole cakes and traybakes, cut into portions if you like.</li>
</ul>
<h2>Ordering and delivery</h2>
<p>Orders must reach us by 13:00 the day before delivery, by email to trade@tollgatebakery.example or through your trade account. Our van delivers from Tuesday to Sunday between 6:00 and 9:00. Delivery is free within 12 miles of the bakery, and the minimum order is £40 per delivery.</p>
<p>New customers pay by card for the first month; after that we can open a trade account with 30-day terms. Our trade price list is sent on request.</p>
<h2>Try us first</h2>
<p>We are happy to drop off a free sample box of bread and pastries so you can try them with your own menu. Rhodri Evans looks after wholesale; ring him on 01632 960 653 or email trade@tollgatebakery.example.</p>
""", "2026-02-26"))

pages.append(page("/classes/", "Baking classes", """
<h1>Baking classes</h1>
<p>When the shop is closed on Mondays, the bakehouse becomes a classroom. Our classes are small, with a maximum of eight people, so everyone gets their hands in the dough and the baker's attention. You'll go home with everything you bake and the recipes.</p>
<h2>Classes and prices</h2>
<table>
  <caption>Classes for autumn and winter 2026</caption>
  <thead><tr><th>Class</th><th>Time</th><th>Price</th><th>Next dates</th></tr></thead>
  <tbody>
    <tr><td>Sourdough for beginners</td><td>9:30 to 16:00</td><td>£95</td><td>12 October, 9 November, 7 December</td></tr>
    <tr><td>Croissants and laminated pastry</td><td>9:30 to 16:30</td><td>£110</td><td>19 October, 23 November</td></tr>
    <tr><td>Cake decorating: buttercream and piping</td><td>10:00 to 13:00</td><td>£65</td><td>26 October, 30 November</td></tr>
    <tr><td>Little Bakers (ages 7 to 12, with a grown-up)</td><td>14:00 to 16:00</td><td>£30 per pair</td><td>26 October, 30 November, 14 December</td></tr>
  </tbody>
</table>
<p>The full-day classes include lunch in the Tollroom. On the sourdough class you take home a pot of Old Tom, our starter, and a proving basket.</p>
<h2>Who teaches</h2>
<p>Tomasz teaches the sourdough class, Marnie teaches the croissant class, and Freya teaches cake decorating. Little Bakers is run by whichever of us has the most patience that week.</p>
<h2>Booking</h2>
<p>Book in the shop or by phone. If you cancel at least 14 days before your class, we refund you in full; after that we can move you to another date once. Aprons are provided; wear flat shoes and tie back long hair.</p>
""", "2026-09-30"))

pages.append(page("/market/", "Market stall", """
<h1>Our market stall</h1>
<p>Every Saturday, whatever the weather, you will find us on Kesterby market, at the Buttercross end of the square, under the green and cream awning. The stall is run by Della and carries most of our loaves, the weekend pastries and a few whole cakes. On wet mornings we bring the bread out a few loaves at a time, so if you can't see what you want, ask.</p>
<h2>When and where</h2>
<table>
  <thead><tr><th>Market</th><th>Where</th><th>Our stall is open</th></tr></thead>
  <tbody>
    <tr><td>Kesterby Saturday market</td><td>The Buttercross, Market Square</td><td>Every Saturday, 8:00 to 13:00</td></tr>
    <tr><td>Orton Vale farmers' market</td><td>Orton Vale village hall</td><td>Second Sunday of the month, 9:00 to 12:30</td></tr>
  </tbody>
</table>
<h2>Pre-orders</h2>
<p>If you want something particular, order it for collection from the stall by 17:00 on Thursday and Della will have it bagged up with your name on. Bread Club members can collect their weekly bread at the Saturday stall instead of the shop.</p>
<p>Prices at the stall are the same as in the shop, and anything you pre-order is kept for you until 12:30.</p>
""", "2026-05-18"))

pages.append(page("/allergens/", "Allergens and special diets", """
<h1>Allergens and special diets</h1>
<p>Our bakery is one small room where flour is in the air every day, and we use wheat, rye, spelt, milk, butter, eggs, nuts, sesame, soya and mustard. We label every item on the counter with its allergens, and the allergen book by the till lists every recipe in full. If you have an allergy, please tell us when you order and we will check with the baker.</p>
<h2>Gluten</h2>
<p>Every Thursday we bake a gluten-free buckwheat and seed loaf, first thing, before any other dough is mixed, and it is wrapped straight away. It is made without any gluten-containing ingredients, but in a bakery full of wheat flour, so we can't promise it is free from traces, and it is not suitable for anyone with coeliac disease.</p>
<h2>Vegan</h2>
<p>The Tollgate sourdough, the seeded rye, the baguettes and the fougasse contain no milk, eggs, butter or honey and are vegan. Our croissants, buns and cakes all contain butter, and most contain eggs.</p>
<h2>Nuts and seeds</h2>
<p>The almond croissant, the carrot and walnut cake, the coffee and walnut cake and some seasonal bakes contain nuts, and sesame is used on several loaves and rolls. Because everything is made in the same room, any of our products may contain traces of nuts and sesame.</p>
""", "2026-03-12"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<table>
  <caption>Shop and caf&eacute;</caption>
  <thead><tr><th>Day</th><th>Shop</th><th>Tollroom caf&eacute;</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>Closed</td><td>Closed</td></tr>
    <tr><td>Tuesday to Friday</td><td>7:30 to 17:00</td><td>8:00 to 16:00</td></tr>
    <tr><td>Saturday</td><td>7:30 to 15:00</td><td>8:00 to 14:30</td></tr>
    <tr><td>Sunday</td><td>8:30 to 13:00</td><td>9:00 to 12:30</td></tr>
  </tbody>
</table>
<p>On bank holiday Mondays the shop opens from 8:30 to 13:00 and the caf&eacute; stays closed. We close for two weeks' holiday every August; the dates go up on the shop door in June.</p>
<p>The bread is out of the oven before we open, so the first customers of the day get the widest choice; by mid-afternoon the shelves are thinner, and the weekend pastries rarely last past eleven. The shop does not close for lunch, and the last orders for hot food in the Tollroom are taken fifteen minutes before the caf&eacute; closes.</p>
<p>If you have ordered a cake or bread to collect, please come before the shop closes; after that the door is locked while we clean down, even if you can see us inside.</p>
<p>On Saturday mornings you will also find us at the <a href="/market/">market stall</a> on the Buttercross. Our Christmas opening times are in our <a href="/news/christmas-2026/">Christmas news</a>.</p>
""", "2026-10-27"))

pages.append(page("/find-us/", "Find us and contact", """
<h1>Find us</h1>
<p>Tollgate Bakery, 14 Turnpike Row, Kesterby KB3 7TG. We are the little stone tollhouse with the bay window, at the top of Turnpike Row where it meets Mill Lane, opposite St Aldhelm's church.</p>
<h2>Contact</h2>
<p>Phone the shop on 01632 960 652 for orders and questions, or email hello@tollgatebakery.example. For wholesale, ring Rhodri on 01632 960 653. We answer the phone during shop hours; leave a message at other times and we will call you back.</p>
<h2>Parking</h2>
<p>There is one hour of free on-street parking along Turnpike Row, though spaces go quickly on Saturday mornings. Chapel Yard car park, a pay and display car park off Mill Lane, is three minutes' walk away.</p>
<img src="/images/back-yard.jpg" alt="The yard behind the bakery, entered from Mill Lane, with two blue badge parking spaces beside the Tollroom's back door">
<h2>By bus and train</h2>
<p>The 12 bus from Kesterby station stops at the Tollgate stop, right outside, every 20 minutes. From the station it is a fifteen-minute walk uphill: turn left out of the station, follow Station Road to the clock tower, and keep going up Turnpike Row.</p>
<h2>By bike</h2>
<p>There are bike hoops outside the shop window and more in the walled garden behind the Tollroom.</p>
""", "2026-01-21"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we are often asked</h1>
<details><summary>Can I order bread to collect later?</summary><p>Yes. Ring us by 14:00 the day before and we will put your loaves by, with your name on, from 7:30 the next morning. Orders not collected by closing time go to the yesterday shelf.</p></details>
<details><summary>Do you slice bread?</summary><p>Yes, free, on our slicer, thick or thin. We can't slice a loaf while it is still warm, as it tears, so very early in the morning you may need to wait a few minutes.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes, in any amount from £10 to £100, in the shop or by phone. They can be spent in the shop, the Tollroom and on baking classes, and they are valid for 12 months from the date you buy them.</p></details>
<details><summary>What happens to the bread you don't sell?</summary><p>Anything left at closing time goes on the yesterday shelf at half price the next day. Whatever is still there at the end of that day is collected by the Kesterby Community Larder, who share it out free.</p></details>
<details><summary>Can I buy some of your sourdough starter?</summary><p>Yes. A pot of Old Tom, our starter, with feeding instructions, costs £3.50 from the counter. Keep it in the fridge and feed it once a week.</p></details>
<details><summary>Is the caf&eacute; all right for babies and small children?</summary><p>Yes. We have two high chairs, a baby changing table in the toilet, and room for a buggy by the wood burner. Children's portions of toast and porridge are half price.</p></details>
<details><summary>Do you deliver to homes?</summary><p>Only for <a href="/bread-club/">Bread Club</a> members in Kesterby, and for tiered <a href="/celebration-cakes/">celebration cakes</a>. Otherwise, please collect from the shop or the market stall.</p></details>
<details><summary>Can I bring my own bag?</summary><p>Please do. Our bread bags are paper, but we are happy to put your loaf straight into your own bag or basket.</p></details>
""", "2026-08-19"))

pages.append(page("/team/", "Our bakers", """
<h1>The people behind the bread</h1>
<section>
<h3>Marnie Hale, founder and head baker</h3>
<p>Marnie learned to bake in a Lyon boulangerie and opened Tollgate with Ewan in 2011. She still works three night shifts a week, writes every new recipe and teaches the croissant class.</p>
</section>
<section>
<h3>Ewan Hale, co-owner</h3>
<p>Ewan looks after the money, the building and the coffee machine, and can be found most mornings behind the shop counter.</p>
</section>
<section>
<h3>Tomasz Wrona, bread lead</h3>
<p>Tomasz runs the night shift and the ovens, and keeps Old Tom fed. He joined us in 2014 from a bakery in Gdańsk and teaches our sourdough class.</p>
</section>
<section>
<h3>Freya Lindqvist, cake designer</h3>
<p>Freya leads the cake team and designs every celebration and wedding cake. She also teaches cake decorating.</p>
</section>
<section>
<h3>Sunita Bains, caf&eacute; manager</h3>
<p>Sunita runs the Tollroom and its kitchen, writes the soup of the day on the board and makes the jam.</p>
</section>
<section>
<h3>Rhodri Evans, wholesale and deliveries</h3>
<p>Rhodri takes the trade orders, drives the van on the early round and delivers Bread Club loaves.</p>
</section>
<section>
<h3>Della Fox, market stall</h3>
<p>Della runs our Saturday stall on the Buttercross and the monthly Orton Vale farmers' market, and knows most of her customers by name.</p>
</section>
""", "2026-05-05"))

pages.append(page("/careers/", "Jobs at Tollgate Bakery", """
<h1>Work with us</h1>
<p>We are a team of fourteen, and we look after each other. Everyone takes home a loaf at the end of every shift and gets a 25% staff discount on anything else in the shop and the Tollroom.</p>
<h2>Night baker, full time</h2>
<p>Mixing, shaping and baking our bread with Tomasz, Tuesday to Saturday, 2:00 to 10:00. Some experience of a professional bakery is helpful, but we will train the right person. £14.20 an hour, rising to £15.00 after six months.</p>
<h2>Caf&eacute; and counter assistant, weekends</h2>
<p>Serving in the shop and the Tollroom on Saturdays and Sundays, making coffee and clearing tables. £12.60 an hour plus a share of tips.</p>
<h2>Market stall helper, Saturdays</h2>
<p>Helping Della set up, serve and pack away on Kesterby market, 7:00 to 13:30 every Saturday. Suits someone who doesn't mind the cold. £12.60 an hour.</p>
<p>To apply, send a few lines about yourself to jobs@tollgatebakery.example, or drop a letter in at the shop for Ewan.</p>
""", "2026-11-02"))

pages.append(page("/news/christmas-2026/", "Christmas at Tollgate", """
<article>
<h1>Christmas orders are open</h1>
<p><time datetime="2026-10-29">29 October 2026</time></p>
<p>Our Christmas baking starts in November. Stollen, made with marzipan and fruit soaked in rum, costs £12.50 for a large loaf, and mince pies are £9 for a box of six. Chocolate yule logs, serving ten, are £28 and must be ordered.</p>
<p>Please order stollen, yule logs and Christmas bread by Friday 18 December, in the shop or by phone, and tell us which day you would like to collect.</p>
<p>Over Christmas the shop will be open from 7:00 to 14:00 on Christmas Eve, for collections and bread only, and closed from 25 December until 29 December. The Tollroom closes on 23 December and reopens on 5 January.</p>
<p>Christmas bread orders include our sourdough and bloomers for the holiday, baked on the morning of 24 December and ready to collect from 7:00. Bread Club collections in Christmas week move to Wednesday 23 December.</p>
<p>The last Saturday market stall of the year is on 19 December. Thank you all for another year of early mornings.</p>
</article>
""", "2026-10-29", '<meta property="article:published_time" content="2026-10-29">'))

pages.append(page("/news/bread-club-2027/", "Bread Club changes from January", """
<article>
<h1>Bread Club changes from 4 January 2027</h1>
<p><time datetime="2026-11-16">16 November 2026</time></p>
<p>Bread Club has not changed its prices since it started in 2022, but flour, butter and energy have all become much dearer. From Monday 4 January 2027 the plans will cost:</p>
<ul>
  <li>One Loaf: £20 a month (it was £18).</li>
  <li>Two Loaf: £38 a month (it was £34).</li>
  <li>Baker's Box: stays at £26 a month.</li>
</ul>
<p>Home delivery will cost £2.25 a delivery (it was £1.50), and we are adding Netherby (postcode KB4) to the delivery area. Collection from the shop on Friday and from the Saturday market stall is free, as before.</p>
<p>We have held these prices as long as we could, and a Bread Club loaf is still cheaper than buying the same loaf over the counter every week. Nothing else about Bread Club changes: you can still swap your loaf by the Tuesday before, and pause your membership while you are on holiday.</p>
<p>Your direct debit will change automatically; you don't need to do anything. If you would rather leave, the usual two weeks' notice applies. Thank you for baking with us.</p>
</article>
""", "2026-11-16", '<meta property="article:published_time" content="2026-11-16">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you order a cake, join Bread Club, book a class or open a trade account, we keep your name, phone number, email address and, for deliveries, your address, so that we can provide what you asked for. Bread Club direct debits are handled by our payment provider; we never see your bank details.</p>
<p>We keep order and sales records for six years for tax purposes. Class bookings and cake orders are kept for two years. We send our newsletter only if you ask for it, and every email has a link to unsubscribe.</p>
<p>This website sets one cookie, which remembers your basket when you buy a gift voucher or class online. We never sell or share your details with anyone for their marketing.</p>
<p>If you join us on a baking class, we may take photographs in the bakehouse for our newsletter; tell us on the day if you would rather not appear in them.</p>
<p>To see or correct what we hold about you, email privacy@tollgatebakery.example.</p>
""", "2025-12-01"))

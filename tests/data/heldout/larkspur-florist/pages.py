# The pages (hand-written content) of Larkspur Flowers, a florist with its own cutting garden the project has never seen.
pages.append(page("/", "Independent florist in Brantwell", """
<h1>Flowers grown and arranged in Brantwell</h1>
<p class="lead">Larkspur Flowers opened on Cordwainer Street in 2011, in what had been a saddler's workshop, with one bucket of sweet peas in the window and a borrowed fridge in the back. Fifteen years on there are seven of us, and from May to October most of what you see in the shop was cut that week in our own field at Sloe Bank.</p>
<h2>What we do</h2>
<ul>
  <li><a href="/fresh-flowers/">Hand-tied bouquets</a> made to order every morning, for collection or <a href="/delivery/">delivery</a> across Brantwell and the villages.</li>
  <li><a href="/weddings/">Wedding flowers</a>, from a single bouquet for a register office to a whole marquee.</li>
  <li><a href="/funerals/">Funeral flowers and sympathy tributes</a>, made with care and delivered to the funeral director.</li>
  <li><a href="/subscriptions/">Flower subscriptions</a> for your own kitchen table, or as a gift that keeps arriving.</li>
  <li><a href="/workshops/">Workshops</a> in our studio above the shop, from Christmas wreaths to spring bouquets.</li>
  <li><a href="/corporate/">Flowers for businesses</a>: offices, hotels, restaurants and shop windows, changed every week.</li>
</ul>
<h2>Why Larkspur?</h2>
<p>Larkspur was the first flower Maud Ellison, our founder, ever grew: a packet of seed from her grandmother, sown in a window box above a launderette. It is tall, blue, a little untidy and completely unreliable, and it is still the flower people ask us about most in June.</p>
<h2>Latest news</h2>
<p>Read about <a href="/news/subscription-changes-2026/">changes to our flower subscriptions</a>, and how to <a href="/news/christmas-2026/">order for Christmas</a>.</p>
""", "2026-11-02"))

pages.append(page("/fresh-flowers/", "Bouquets and fresh flowers", """
<h1>Bouquets and hand-tied flowers</h1>
<p>Every bouquet we sell is made by hand on the day it leaves the shop, using whatever is best that week. We don't photograph a bouquet and then try to copy it a hundred times; you choose a size and a colour mood, and the florist on the bench does the rest.</p>
<h2>Sizes and prices</h2>
<table>
  <caption>Florist's choice hand-tied bouquets</caption>
  <thead><tr><th>Size</th><th>About</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Petite</td><td>10 stems, a small gift or a thank you</td><td>£30</td></tr>
    <tr><td>Medium</td><td>18 stems with foliage</td><td>£45</td></tr>
    <tr><td>Large</td><td>28 stems with foliage</td><td>£65</td></tr>
    <tr><td>Showstopper</td><td>45 stems, big and generous</td><td>£95</td></tr>
  </tbody>
</table>
<p>Every bouquet is wrapped in brown paper and tied with raffia, and stands in its own water bubble so it survives the journey. If you would rather it arrived ready to go on the table, add a glass vase for £12.</p>
<h2>Colour moods</h2>
<ul>
  <li><strong>Whites and greens</strong>: calm and classic.</li>
  <li><strong>Soft pastels</strong>: blush, peach, lilac and cream.</li>
  <li><strong>Jewel tones</strong>: deep reds, burgundy, purple and orange.</li>
  <li><strong>Wild and bright</strong>: the florist's favourite, anything goes.</li>
</ul>
<h2>Ordering</h2>
<p>Order on this website, by phone or in the shop. Bouquets can be collected from two hours after you order, or delivered the same day if you order before our <a href="/delivery/">same-day cut-off</a>. We always include a small card with your message, written by hand.</p>
<h2>Seasonal specials</h2>
<p>In May and June, ask for a bunch of peonies; in July, sweet peas by the bunch of twenty; in autumn, dahlias from Sloe Bank. These change every week and are listed on our chalkboard rather than the website.</p>
""", "2026-06-04"))

pages.append(page("/weddings/", "Wedding flowers", """
<h1>Wedding flowers</h1>
<p>We take on no more than two weddings on any one weekend, so that the florist you meet is the one who makes and delivers your flowers on the day. Many of our couples choose flowers grown at Sloe Bank, and if your wedding falls between June and September we can plan much of it around what will be blooming in our field that week.</p>
<h2>How we work</h2>
<ol>
  <li><strong>A first chat.</strong> Book a consultation in the studio above the shop, about an hour, with samples and a pot of tea. The first consultation is free.</li>
  <li><strong>Your proposal.</strong> Within two weeks we send a written proposal with a mood board and an itemised quote.</li>
  <li><strong>Booking.</strong> A deposit of 25% secures your date. Final numbers and colours are confirmed six weeks before the wedding, when the balance is due.</li>
  <li><strong>The day.</strong> We deliver and set up at the ceremony and reception, and come back to clear arches and large pieces at the end of the evening.</li>
</ol>
<p>Our minimum spend for a wedding is £650, including delivery and set-up within 15 miles of Brantwell. For smaller weddings and elopements, we are happy to make a bridal bouquet and buttonholes for collection from the shop.</p>
<h2>A guide to prices</h2>
<table>
  <thead><tr><th>Item</th><th>From</th></tr></thead>
  <tbody>
    <tr><td>Bridal bouquet</td><td>£140</td></tr>
    <tr><td>Bridesmaid bouquet</td><td>£60</td></tr>
    <tr><td>Flower girl posy or flower crown</td><td>£35</td></tr>
    <tr><td>Buttonhole</td><td>£9.50</td></tr>
    <tr><td>Corsage (wrist or pin)</td><td>£18</td></tr>
    <tr><td>Table centrepiece</td><td>£45</td></tr>
    <tr><td>Pedestal arrangement for the ceremony</td><td>£220</td></tr>
    <tr><td>Flower arch or meadow installation</td><td>£600</td></tr>
  </tbody>
</table>
<h2>Venues we know</h2>
<p>We have decorated Hatherley Hall, the Old Maltings, St Edith's Church and Brantwell Register Office many times, and we know their rules on candles, confetti and pins. We are just as happy to work in a village hall, a barn or your own garden.</p>
""", "2026-01-20"))

pages.append(page("/funerals/", "Funeral flowers and sympathy tributes", """
<h1>Funeral flowers</h1>
<p>Choosing flowers for a funeral is hard enough without having to know what everything is called. Ring us and talk it through with Gwen Tallis, who makes most of our funeral work, or come into the shop; there is a quiet table at the back where you can sit with a cup of tea and look at photographs of past tributes.</p>
<h2>Tributes and prices</h2>
<table>
  <caption>Funeral tributes, prices from</caption>
  <thead><tr><th>Tribute</th><th>Size</th><th>From</th></tr></thead>
  <tbody>
    <tr><td>Posy pad</td><td>30 cm</td><td>£45</td></tr>
    <tr><td>Open wreath</td><td>35 cm</td><td>£70</td></tr>
    <tr><td>Single-ended spray</td><td>60 cm</td><td>£75</td></tr>
    <tr><td>Double-ended spray</td><td>90 cm</td><td>£110</td></tr>
    <tr><td>Heart, open or based</td><td>40 cm</td><td>£120</td></tr>
    <tr><td>Coffin spray</td><td>1.5 metres</td><td>£180</td></tr>
    <tr><td>Letter tribute (such as MUM or GRANDAD)</td><td>45 cm per letter</td><td>£55 a letter</td></tr>
  </tbody>
</table>
<p>All our tributes are made on moss, straw and woven willow bases instead of foam, so everything but the ribbon can go on the compost heap afterwards.</p>
<h2>Ordering in time</h2>
<p>Please order at least two working days before the funeral, so we can buy in any flowers we don't grow. Letter tributes and coffin sprays need five working days. We will always try to help with a later order; just ring us.</p>
<h2>Delivery</h2>
<p>We deliver to any funeral director in Brantwell free of charge, on the morning of the funeral or the afternoon before, and elsewhere at our usual <a href="/delivery/">delivery charges</a>. We also deliver directly to St Edith's Church and to Brantwell Crematorium if the family prefers.</p>
<h2>Sympathy flowers</h2>
<p>For flowers sent to someone's home, we suggest a soft, mostly white bouquet in a vase, so that nobody has to hunt for one. Our sympathy vase arrangement starts at £50.</p>
""", "2026-03-17"))

pages.append(page("/subscriptions/", "Flower subscriptions", """
<h1>Flower subscriptions</h1>
<p>A subscription is the easiest way to have fresh flowers in the house all year, and it is how we like to send flowers best: seasonal, straight from the bench, with none of the rush of a last-minute order. Choose a size and how often, and we do the rest.</p>
<h2>Plans</h2>
<table>
  <thead><tr><th>Plan</th><th>What you get</th><th>Price per delivery</th></tr></thead>
  <tbody>
    <tr><td>Jam jar</td><td>A little seasonal posy in a recycled jar</td><td>£16</td></tr>
    <tr><td>Classic</td><td>About 15 stems, hand-tied, in paper and raffia</td><td>£32</td></tr>
    <tr><td>Grand</td><td>About 25 stems with plenty of foliage</td><td>£48</td></tr>
  </tbody>
</table>
<p>Delivery is included in Zones A and B (see <a href="/delivery/">delivery</a>); in Zone C we add £4 per delivery.</p>
<h2>How it works</h2>
<ul>
  <li>Choose weekly, fortnightly or every four weeks.</li>
  <li>Subscription flowers are delivered on Wednesdays, between 9:00 and 15:00.</li>
  <li>Your first delivery includes a free glass vase in the Classic or Grand size.</li>
  <li>You can pause for up to 4 weeks a year, for holidays, with a week's notice.</li>
  <li>There is no minimum term. Cancel whenever you like by telling us seven days before your next delivery.</li>
</ul>
<h2>Subscriptions as a gift</h2>
<p>Gift subscriptions are paid for up front, for three, six or twelve deliveries, and come with a card to tell the lucky person what is on its way. They can't be paused, but we are happy to change the delivery address if the recipient moves.</p>
""", "2026-02-11"))

pages.append(page("/workshops/", "Flower workshops", """
<h1>Workshops in the studio</h1>
<p>Our workshops are held in the studio above the shop, up the wooden stairs from the back door on Tanner's Yard. Everything is provided: flowers, tools, aprons, tea and cake, and a box to carry your work home. No experience is needed.</p>
<h2>Dates for winter and spring</h2>
<table>
  <thead><tr><th>Date</th><th>Workshop</th><th>Time</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Thursday 26 November, Thursday 3 December</td><td>Christmas door wreath, evening</td><td>18:30 to 21:00</td><td>£58</td></tr>
    <tr><td>Saturday 5 and Saturday 12 December</td><td>Christmas door wreath</td><td>10:00 to 12:30</td><td>£58</td></tr>
    <tr><td>Saturday 23 January</td><td>Hand-tied bouquet for beginners</td><td>10:00 to 12:30</td><td>£48</td></tr>
    <tr><td>Saturday 13 February</td><td>Valentine's posy</td><td>14:00 to 16:00</td><td>£42</td></tr>
    <tr><td>Saturday 6 March</td><td>Spring bulb bowl for Mother's Day</td><td>10:00 to 12:00</td><td>£38</td></tr>
    <tr><td>Saturday 17 April</td><td>Flower crowns</td><td>14:00 to 16:00</td><td>£40</td></tr>
  </tbody>
</table>
<p>Each workshop takes eight people at most. If you cancel at least 14 days before, we refund you in full; after that, you are welcome to send a friend in your place.</p>
<h2>Private workshops</h2>
<p>Hen parties, birthdays and team days can have the studio to themselves. Private workshops are for groups of six to twelve, cost £50 a head, and run on Friday evenings or Sunday afternoons. You are welcome to bring your own fizz.</p>
<h2>Gift a workshop</h2>
<p>Any workshop can be bought as a gift; ask in the shop or ring us, and we will post a printed card with the date on it.</p>
""", "2026-10-12"))

pages.append(page("/corporate/", "Flowers for businesses", """
<h1>Flowers for businesses</h1>
<p>A vase of fresh flowers on a reception desk says more about a business than most brochures. We look after offices, hotels, restaurants, estate agents, dentists and shop windows in and around Brantwell, and we change every arrangement on the same day each week so nobody has to remember.</p>
<h2>Weekly arrangements</h2>
<p>Contract flowers start at £45 a week for a single reception arrangement, including the vase and its care. Larger contracts, with flowers on several floors or every table in a restaurant, are priced after a visit. Every contract includes:</p>
<ul>
  <li>A weekly visit by the same florist, who clears the old flowers, cleans the vase and sets up the new arrangement.</li>
  <li>Arrangements designed around your colours and your space.</li>
  <li>Monthly invoices, with 30 days to pay.</li>
  <li>A one-month notice period, after the first three months.</li>
</ul>
<h2>Events and launches</h2>
<p>We also do flowers for conferences, dinners, product launches and awards evenings, and we can hire out vases, urns and candle holders so you don't need to buy them.</p>
<h2>Christmas for businesses</h2>
<p>From the last week of November we dress reception areas, shop windows and restaurants with fresh garlands, wreaths and winter arrangements, and take them away again in January. Christmas bookings open in September and usually fill by the end of October.</p>
<p>To talk about flowers for your business, email business@larkspurflowers.example or ask for Saoirse Delaney on 01632 960 871.</p>
""", "2026-09-01"))

pages.append(page("/delivery/", "Delivery", """
<h1>Delivery</h1>
<p>Our own electric van delivers from Monday to Saturday, driven by one of our team rather than a courier. Flowers travel standing up, in water, which is why we only deliver within about 15 miles of the shop.</p>
<h2>Delivery areas and charges</h2>
<table>
  <caption>Delivery charge per address</caption>
  <thead><tr><th>Zone</th><th>Includes</th><th>Charge</th><th>Order by, for same-day delivery</th></tr></thead>
  <tbody>
    <tr><td>Zone A</td><td>Brantwell, Milbury, Coldharbour</td><td>£5.95</td><td>13:00</td></tr>
    <tr><td>Zone B</td><td>Stoke Fennel, Thrupton, Oxley Marsh, Fenny Lacey</td><td>£8.50</td><td>12:00</td></tr>
    <tr><td>Zone C</td><td>Kingsbarrow, Great Wendle, Sallow Hill, Upper Brede</td><td>£12.50</td><td>Next day only</td></tr>
  </tbody>
</table>
<p>On Saturdays the same-day cut-off is 11:00 for every zone. Deliveries arrive between 10:00 and 17:00; we can't promise a particular time, except for funerals and weddings.</p>
<h2>Busy days</h2>
<p>On Valentine's Day and the Saturday before Mother's Day, we deliver only orders placed in advance, and the charge is the same as any other day.</p>
<h2>Collecting from the shop</h2>
<p>Collection is free. Bouquets ordered for collection are ready two hours after you order, and we keep them in the flower fridge until closing time on the day you chose.</p>
""", "2026-05-08"))

pages.append(page("/plants-and-gifts/", "Plants and gifts", """
<h1>Plants and gifts</h1>
<p>Alongside cut flowers, the shop has a corner of houseplants and a table of small gifts, chosen because we would be pleased to receive them ourselves. Most are made within thirty miles of Brantwell.</p>
<h2>Houseplants</h2>
<p>We keep a changing range of easy houseplants, from trailing pothos and string of hearts to peace lilies, ferns and the odd fiddle-leaf fig. Small plants in a ceramic pot start at £12 and larger floor plants at £45. Every plant goes home with a care label written by our team, and houseplants can be added to any local delivery.</p>
<h2>Dried flowers</h2>
<p>Each autumn we dry strawflowers, statice, grasses and seed heads from Sloe Bank. Dried bouquets start at £35, and dried wreaths are made to order from October.</p>
<h2>Small gifts</h2>
<ul>
  <li>Honey from the two hives at Sloe Bank, £7.50 a jar, when there is any.</li>
  <li>Hand-poured soy candles from a maker in Oxley Marsh, £18.</li>
  <li>Recycled glass vases in five shapes, from £12.</li>
  <li>Greetings cards printed by Brantwell artists, £3.50.</li>
  <li>Garden twine, snips and flower frogs for arranging at home.</li>
</ul>
<h2>Gift vouchers</h2>
<p>Vouchers can be spent on flowers, plants, gifts and workshops. See <a href="/faq/">our help page</a> for how long they last.</p>
""", "2026-08-19"))

pages.append(page("/flower-care/", "Caring for your flowers", """
<h1>Making your flowers last</h1>
<p>Cut flowers are still alive, and a few minutes' care when they arrive can double the time you have with them.</p>
<h2>When they arrive</h2>
<ol>
  <li>Keep the bouquet in its water bubble until you are ready, then cut the raffia and unwrap it over the sink.</li>
  <li>Fill a clean vase with cool water and stir in the sachet of flower food.</li>
  <li>Cut 2 cm off every stem at an angle with a sharp knife or scissors, and strip any leaves that would sit below the water.</li>
  <li>Put the flowers straight into the vase.</li>
</ol>
<h2>Day to day</h2>
<ul>
  <li>Change the water every two days, and give the stems a fresh cut when you do.</li>
  <li>Keep flowers away from radiators, sunny windowsills and draughts.</li>
  <li>Don't stand them next to the fruit bowl: ripening fruit gives off a gas that makes flowers fade quickly.</li>
  <li>Take out anything that is over, so it doesn't spoil the rest.</li>
</ul>
<h2>Flower by flower</h2>
<p><strong>Lilies:</strong> pull off the orange anthers as the flowers open, to stop the pollen staining cloth and skin. If pollen does land on a tablecloth, lift it with sticky tape; never rub it.</p>
<p><strong>Tulips</strong> keep growing in the vase and bend towards the light, so turn the vase each day.</p>
<p><strong>Hydrangeas</strong> drink through their petals as well as their stems. If the heads droop, submerge them in a sink of cold water for an hour.</p>
<p><strong>Sweet peas</strong> have the best scent but the shortest life; pick off faded flowers and enjoy them while they last.</p>
""", "2025-12-02"))

pages.append(page("/our-flowers/", "Where our flowers come from", """
<h1>Where our flowers come from</h1>
<h2>Sloe Bank, our cutting garden</h2>
<p>In 2016 we took on an acre and a half of sloping field at Sloe Bank, on the lane between Brantwell and Thrupton, and turned it into a cutting garden. Tamsin Brannigan grows around 120 kinds of flower and foliage there: tulips and narcissi in spring, then sweet peas, cornflowers, larkspur, scabious and snapdragons, dahlias from July until the first frost, and grasses and seed heads for drying.</p>
<p>Everything at Sloe Bank is grown without pesticides, and the field edges are left long for insects. Between May and October, about seven in every ten stems in the shop come from our own field or from other British growers we know.</p>
<h2>The rest of the year</h2>
<p>In winter very little grows outside in Brantwell. We buy from two British nurseries that grow under glass, and for roses and some winter flowers from a Dutch wholesaler who visits us every Tuesday and Friday. We tell you which is which on the chalkboard in the shop.</p>
<h2>Less waste</h2>
<ul>
  <li>We stopped using floral foam in 2019. Arrangements are built on moss, chicken wire, willow and pin frogs.</li>
  <li>Our wrapping is brown paper and raffia, and the water bubbles are made of compostable film.</li>
  <li>Stems and leaves left over at the end of the day go back to Sloe Bank for the compost heaps.</li>
  <li>The delivery van is electric, and charges overnight behind the shop.</li>
</ul>
""", "2026-04-22"))

pages.append(page("/opening-hours/", "Opening hours", """
<h1>Opening hours</h1>
<table>
  <thead><tr><th>Day</th><th>Shop</th></tr></thead>
  <tbody>
    <tr><td>Monday to Friday</td><td>8:30 to 17:30</td></tr>
    <tr><td>Saturday</td><td>9:00 to 16:00</td></tr>
    <tr><td>Sunday</td><td>Closed</td></tr>
    <tr><td>Bank holidays</td><td>10:00 to 14:00</td></tr>
  </tbody>
</table>
<p>The phone is answered from 8:00 on weekdays, so you can order before we open the door. Orders on the website can be placed at any time.</p>
<p>Collections can be made at any time while the shop is open. If you are picking up a large order, such as a wedding or a funeral tribute, please let us know roughly when you will come, so the flowers are out of the fridge and boxed up ready for you.</p>
<h2>Special days</h2>
<table>
  <thead><tr><th>Date</th><th>Shop</th></tr></thead>
  <tbody>
    <tr><td>Saturday 13 February 2027</td><td>8:00 to 17:00</td></tr>
    <tr><td>Sunday 14 February 2027 (Valentine's Day)</td><td>8:00 to 13:00</td></tr>
    <tr><td>Sunday 7 March 2027 (Mother's Day)</td><td>8:00 to 13:00</td></tr>
  </tbody>
</table>
<p>Christmas and New Year hours are on our <a href="/news/christmas-2026/">Christmas news page</a>.</p>
<p>Wedding consultations can also be booked on Monday or Thursday evenings until 19:30. Ring the shop to arrange one.</p>
""", "2026-10-05"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding the shop</h1>
<p>Larkspur Flowers, 14 Cordwainer Street, Brantwell BW3 7HD. Cordwainer Street runs downhill from the Market Steps to the river, and we are halfway down on the left, between the bookshop and the bakery, with buckets on the pavement whenever it isn't raining.</p>
<p>Phone: 01632 960 871. Email: hello@larkspurflowers.example.</p>
<img src="/images/shopfront.jpg" alt="The Larkspur Flowers shop front on Cordwainer Street, with the portable ramp we lay over the front step for wheelchairs and pushchairs">
<h2>Parking</h2>
<p>Cordwainer Street is pedestrianised between 10:00 and 16:00. The nearest car park is the Tanyard car park on Mill Race, two minutes' walk away, which charges £1.20 an hour. If you are collecting a large order, such as wedding flowers or a funeral tribute, ring us and we will bring it out to you at the end of Tanner's Yard, where you can stop for a few minutes.</p>
<h2>By bus and train</h2>
<p>Buses 4, 12 and 19 stop at the Market Steps, a minute away. Brantwell station is a twelve-minute walk: turn left out of the station, follow Depot Lane down to the Market Steps, and turn into Cordwainer Street.</p>
<h2>The studio</h2>
<p>Workshops and wedding consultations are in the studio on the first floor. Its door is round the back of the shop, on Tanner's Yard, and is up a flight of wooden stairs.</p>
""", "2026-03-30"))

pages.append(page("/team/", "Meet the florists", """
<h1>Meet the florists</h1>
<section>
<h3>Maud Ellison, founder and head florist</h3>
<p>Maud trained at a flower market stall in London before coming home to Brantwell and opening Larkspur in 2011. She still makes the bouquets most mornings and has the final say on what goes in the window.</p>
</section>
<section>
<h3>Joel Asante, wedding and events florist</h3>
<p>Joel leads our wedding work, from the first consultation to the last buttonhole, and builds the arches and installations. He joined us in 2017 after six years with an events company.</p>
</section>
<section>
<h3>Tamsin Brannigan, grower</h3>
<p>Tamsin runs the cutting garden at Sloe Bank, where she plans, sows and cuts nearly everything we grow. She also teaches our Valentine's and spring workshops.</p>
</section>
<section>
<h3>Gwen Tallis, sympathy florist</h3>
<p>Gwen makes most of our funeral tributes and speaks to most of the families who order them. She worked for a funeral director before she became a florist.</p>
</section>
<section>
<h3>Saoirse Delaney, shop manager</h3>
<p>Saoirse runs the shop, the website orders and our business contracts, and is usually the voice you hear when you ring.</p>
</section>
<p>Deliveries are driven by <strong>Declan Mayhew</strong>, and <strong>Poppy Renshaw</strong> is our apprentice florist, in her second year at Brantwell College.</p>
""", "2026-02-26"))

pages.append(page("/faq/", "Help and questions", """
<h1>Help and questions</h1>
<details><summary>Can I choose exactly which flowers go in my bouquet?</summary><p>Our bouquets are florist's choice, made from the best flowers of the day. If you want particular flowers, ring us at least 48 hours ahead and we will do our best to get them in.</p></details>
<details><summary>I have a cat. Are your bouquets safe for pets?</summary><p>Lilies are poisonous to cats, even the pollen. Tick "no lilies" when you order online, or tell us on the phone, and we will leave them out of your bouquet.</p></details>
<details><summary>What happens if nobody is in when you deliver?</summary><p>We'll try a neighbour first and leave a card saying where the flowers are. If there is no one, and you told us about a safe place when you ordered, we will leave them there in the shade; otherwise we take them back to the shop and ring you to arrange another delivery the next day.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes, from £10 to £200, on paper in the shop or by email. They are valid for 12 months and can be spent on anything in the shop, on flowers ordered by phone and on workshops.</p></details>
<details><summary>Can I bring back the glass vase from my delivery?</summary><p>Please do. Bring back any of our glass vases, clean and undamaged, and we will give you £3 off your next order.</p></details>
<details><summary>Can I add a message?</summary><p>Every order comes with a small card, and we write your message on it by hand, free of charge. Keep it to about forty words so it fits.</p></details>
<details><summary>Can I change or cancel an order?</summary><p>Bouquets can be changed or cancelled free of charge until 17:00 on the day before delivery. Wedding orders, funeral tributes and subscriptions have their own terms, which we explain when you book.</p></details>
<details><summary>My flowers arrived damaged. What should I do?</summary><p>Send a photograph to hello@larkspurflowers.example on the day they arrive, and we will replace them or refund you.</p></details>
""", "2026-07-07"))

pages.append(page("/news/subscription-changes-2026/", "Changes to flower subscriptions", """
<article>
<h1>Changes to our flower subscriptions from 2 November 2026</h1>
<p><time datetime="2026-11-02">2 November 2026</time></p>
<p>Our subscriptions have not changed since we started them in 2022. Since then the cost of flowers, wrapping and electricity for the cold store has risen, and we have listened to what our subscribers have asked for. From 2 November 2026:</p>
<ul>
  <li>The Classic subscription is now £35 per delivery (it was £32), and the Grand is now £52 per delivery (it was £48). The Jam jar stays at £16.</li>
  <li>Subscription deliveries move from Wednesday to Thursday, so your flowers are at their best for the weekend.</li>
  <li>You can now pause your subscription for up to 8 weeks a year instead of four.</li>
</ul>
<p>If you paid for a gift subscription before 2 November, nothing changes for you: the remaining deliveries are at the old price, though they will come on a Thursday.</p>
<p>Thank you to everyone who lets us choose their flowers every week. Declan will see you on Thursdays.</p>
</article>
""", "2026-11-02", '<meta property="article:published_time" content="2026-11-02">'))

pages.append(page("/news/christmas-2026/", "Christmas at Larkspur", """
<article>
<h1>Christmas at Larkspur</h1>
<p><time datetime="2026-10-19">19 October 2026</time></p>
<p>The studio already smells of pine. Here is everything you need to know about ordering from us for Christmas.</p>
<h2>Christmas bouquets</h2>
<p>From 1 December our bouquets turn festive, with amaryllis, red roses, white ranunculus, berried ivy and winter foliage, in all the usual sizes.</p>
<h2>Fresh door wreaths</h2>
<p>Our door wreaths are made on moss with spruce, pine, eucalyptus and dried oranges, and finished with a velvet ribbon. They cost £55 and can be pre-ordered now for collection from Saturday 28 November. Or make your own at one of our <a href="/workshops/">wreath workshops</a>.</p>
<h2>Last orders</h2>
<p>The last day for Christmas deliveries is Wednesday 23 December; please order by 12:00 on Monday 21 December. Bouquets can be collected from the shop until 13:00 on Christmas Eve.</p>
<h2>Christmas opening hours</h2>
<ul>
  <li>Thursday 24 December: 8:00 to 13:00</li>
  <li>Friday 25 December to Monday 28 December: closed</li>
  <li>Tuesday 29 and Wednesday 30 December: 10:00 to 15:00</li>
  <li>Thursday 31 December: 8:30 to 14:00</li>
  <li>Friday 1 January: closed</li>
</ul>
<p>Normal hours return on Saturday 2 January 2027.</p>
</article>
""", "2026-10-19", '<meta property="article:published_time" content="2026-10-19">'))

pages.append(page("/privacy/", "Privacy and cookies", """
<h1>Privacy and cookies</h1>
<p>When you order flowers, book a workshop or start a subscription, we keep your name, address, phone number and email address, and the name and address of anyone you send flowers to, so that we can deliver them. Card messages are deleted 90 days after delivery. Order records are kept for six years, because the law requires it for tax.</p>
<p>If you ask us to, we will remind you by email about birthdays and anniversaries you have sent flowers for. You can turn these reminders off at any time with the link in each email.</p>
<p>We never sell your details, or the details of the people you send flowers to, and we never use them for anyone else's marketing.</p>
<p>This website uses two cookies: one keeps your basket, and the other remembers your delivery postcode so the site can tell you which zone you are in. We don't use advertising or tracking cookies.</p>
<p>To see, correct or delete the information we hold about you, email privacy@larkspurflowers.example or write to us at the shop.</p>
""", "2026-01-12"))

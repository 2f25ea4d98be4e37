# The pages (hand-written content) of Hollowmere, a family campsite with glamping pods and a small shop the project has never seen.
pages.append(page("/", "Family campsite and glamping pods by Hollow Mere", """
<h1>Camping on the shore of Hollow Mere</h1>
<p class="lead">Hollowmere is a family campsite on the south shore of Hollow Mere, a mile and a half from Sallowby market place. Gareth's grandfather farmed these fields, and in 1987 he mowed a strip of the lakeside meadow, put up a sign saying "Tents 50p" and waited to see who came. People have been coming back ever since.</p>
<h2>Three fields, eight pods and a lake</h2>
<ul>
  <li><a href="/pitches/">Tent, caravan and motorhome pitches</a> across three fields: the sheltered Top Field, the Orchard Field beside the play area, and Lakeside Meadow, for tents only, right on the water.</li>
  <li><a href="/glamping-pods/">Glamping pods</a>: five cosy Curlew pods and three larger Heron pods with their own shower rooms, looking out over the mere.</li>
  <li><a href="/shop/">The shop</a> in the old dairy, for milk, fresh bread, local bacon, logs and the things you forgot to pack.</li>
  <li><a href="/on-the-mere/">Kayaks, paddleboards and rowing boats</a> from our boathouse, and coarse fishing from the north bank.</li>
  <li><a href="/whats-on/">Things for children to do</a> every day of the summer holidays.</li>
</ul>
<h2>A quiet, family site</h2>
<p>We are a small site of 62 pitches, and we like to keep it that way. There is no bar, no entertainment hall and no music after dark; what we have instead is space for children to run about, a footpath all the way round the mere, owls at night and, on a clear evening, more stars than most of our guests have ever seen.</p>
<h2>Latest news</h2>
<p><a href="/news/2027-season/">Booking for 2027 is open</a>, with a few changes to our booking terms, and our <a href="/news/lantern-night-2026/">Lantern Night</a> is back this October.</p>
""", "2026-11-18"))

pages.append(page("/pitches/", "Pitches and prices", """
<h1>Pitches</h1>
<p>Our 62 pitches are spread over three fields, all of them level and generously sized, with room for a car, a tent or caravan and an awning. Every pitch price includes two adults and one car; children's pup tents and awnings are free.</p>
<h2>The fields</h2>
<ul>
  <li><strong>Top Field</strong> (24 pitches): grass and hardstanding pitches, sheltered by an old beech hedge and closest to reception, the shop and the main shower block. Most of our touring caravans and motorhomes are here.</li>
  <li><strong>Orchard Field</strong> (22 pitches): grass pitches among the apple trees, next to the play area. Popular with families with young children.</li>
  <li><strong>Lakeside Meadow</strong> (16 pitches): tents only, no vehicles on the grass and no electric, a few steps from the water's edge. You park in the meadow car park and wheel your kit down with one of our trolleys.</li>
</ul>
<h2>Prices per night</h2>
<table>
  <caption>Pitch prices per night, including two adults and one car</caption>
  <thead><tr><th>Pitch</th><th>Low season</th><th>High season</th></tr></thead>
  <tbody>
    <tr><td>Grass tent pitch, no electric</td><td>£22</td><td>£30</td></tr>
    <tr><td>Grass pitch with electric hook-up</td><td>£27</td><td>£35</td></tr>
    <tr><td>Hardstanding pitch with electric hook-up (caravans and motorhomes)</td><td>£31</td><td>£38</td></tr>
    <tr><td>Lakeside Meadow tent pitch, no electric</td><td>£26</td><td>£34</td></tr>
    <tr><td>Walker or cyclist, one person with a small tent and no car</td><td>£11</td><td>£13</td></tr>
  </tbody>
</table>
<p>High season is the school summer holidays and every bank holiday weekend; the rest of the year is low season. Electric hook-ups are 16 amp, and you will need your own lead of at least 25 metres.</p>
<h2>Extra people</h2>
<ul>
  <li>Extra adult (16 and over): £8 a night</li>
  <li>Child aged 4 to 15: £5 a night</li>
  <li>Children under 4: free</li>
  <li>Second car: £3 a night, parked in the overflow car park</li>
</ul>
<p>Well-behaved dogs are welcome on every pitch; see <a href="/dogs/">bringing your dog</a> for the rules and charges. To book, see <a href="/booking/">booking and arrival</a>.</p>
""", "2026-10-14"))

pages.append(page("/glamping-pods/", "Glamping pods", """
<h1>Glamping pods</h1>
<p>If you like the idea of camping but not the idea of putting up a tent in the rain, our pods are the answer. They are built of larch by a joiner in Sallowby, insulated with sheep's wool, and every one has a heater, so they are snug well into the autumn.</p>
<h2>Curlew pods</h2>
<p>Our five Curlew pods stand in a row at the top of Lakeside Meadow. Each sleeps two adults and two children, in a double bed and a sofa bed, and has a kettle, a small fridge, a heater, lights and sockets, a picnic bench and its own fire pit outside. There is no water in the Curlew pods: the Meadow shower block is thirty metres away.</p>
<h2>Heron pods</h2>
<p>The three Heron pods are larger, sleep up to five, and sit right on the shore with a decked veranda over the water. Each has its own shower room and toilet, a kitchen corner with a two-ring hob, a sink and a fridge, a double bed, bunk beds and a single sofa bed. Heron 3 is fully accessible; see <a href="/accessibility/">accessibility</a>.</p>
<h2>Prices per night</h2>
<table>
  <thead><tr><th>Pod</th><th>Sleeps</th><th>Sunday to Thursday</th><th>Friday or Saturday</th><th>School summer holidays, any night</th></tr></thead>
  <tbody>
    <tr><td>Curlew pod</td><td>2 adults and 2 children</td><td>£62</td><td>£74</td><td>£82</td></tr>
    <tr><td>Heron pod</td><td>Up to 5</td><td>£95</td><td>£115</td><td>£125</td></tr>
  </tbody>
</table>
<p>At weekends, Friday and Saturday nights must be booked together.</p>
<h2>What to bring</h2>
<p>Pods have mattresses and pillows but no bedding, so bring sleeping bags or duvets, and your own towels. If you would rather travel light, we can make up the beds for you with a bedding pack at £14 a person, which includes a towel. Pans, plates, mugs and cutlery are provided in the Heron pods; in the Curlew pods there are mugs and a kettle only.</p>
<p>The pods stay open after the pitches close for the winter. Arrival and departure times are on our <a href="/booking/">booking page</a>.</p>
""", "2026-09-03"))

pages.append(page("/facilities/", "Facilities", """
<h1>Facilities on site</h1>
<h2>Showers and toilets</h2>
<p>We have two shower blocks: the Top Field block, which we rebuilt in 2024, and the smaller Meadow block by the lake. Showers are hot, free and not on a timer. Both blocks have a family shower room with a baby changing table, and the Meadow block has an accessible wet room. The blocks are cleaned twice a day, at 10:00 and 17:00.</p>
<h2>Washing up and laundry</h2>
<p>There are covered washing-up sinks with hot water beside both blocks. The laundry room behind the Top Field block has two washing machines, a tumble dryer and an iron. A wash costs £4.50 a load and the dryer £2 for thirty minutes, paid with tokens from the shop. Washing powder is included.</p>
<h2>For caravans and motorhomes</h2>
<p>The chemical disposal point is at the far end of the Top Field block, with a tap for rinsing cassettes. Next to it is the motorhome service point for filling up with fresh water and emptying grey water. Drinking water taps are dotted around all three fields.</p>
<h2>Wifi and phone signal</h2>
<p>Free wifi covers reception, the shop, the games barn and most of the Top Field. It does not reach Lakeside Meadow or the pods, which some of our guests count as a feature.</p>
<h2>For children</h2>
<p>The play area in the Orchard Field has swings, a climbing frame, a rope bridge and a sandpit, and is for children up to 12. The games barn next door has table tennis, table football and a shelf of board games and books, and is open from 9:00 to 21:00.</p>
<img src="/images/old-dairy.jpg" alt="Reception and the shop in the old dairy, with two electric car charging points by the door and the bike rack under the lean-to">
<p>Reception and the shop share the old dairy at the entrance, where you will also find the noticeboard, the lost property box and the warden's phone number for emergencies.</p>
""", "2026-05-20"))

pages.append(page("/shop/", "The shop", """
<h1>The shop in the old dairy</h1>
<p>Our little shop sits next to reception in the dairy where Gareth's grandfather used to cool the milk. It is run by Lottie Brennan, who stocks it with the things campers need, plenty of things from farms and makers around Sallowby, and a few treats.</p>
<h2>Opening times</h2>
<table>
  <thead><tr><th>Day</th><th>Low season</th><th>School summer holidays</th></tr></thead>
  <tbody>
    <tr><td>Monday to Saturday</td><td>8:00 to 18:00</td><td>7:30 to 21:00</td></tr>
    <tr><td>Sunday</td><td>8:00 to 12:00</td><td>7:30 to 18:00</td></tr>
  </tbody>
</table>
<p>The shop closes when the pitches close at the end of October, and reopens with them in March.</p>
<h2>What we sell</h2>
<ul>
  <li>Milk, butter, cheese and free-range eggs from Mere Farm, bacon and sausages from Corby's butchers in Sallowby</li>
  <li>Tinned and dried food, pasta, cereals, tea and coffee, with gluten-free bread and oat milk always in stock</li>
  <li>Local beer, cider and a small choice of wine</li>
  <li>Ice creams and ice lollies, sweets, and marshmallows for the fire pit</li>
  <li>Kiln-dried logs at £6.50 a net, kindling at £2.50 a bag, and firelighters</li>
  <li>Camping gas: Campingaz 904 and 907 cylinders to buy or exchange</li>
  <li>Tent pegs, mallets, guy ropes, batteries, torches, sun cream and midge spray</li>
  <li>Fishing day tickets for the mere, and tokens for the laundry</li>
</ul>
<h2>Fresh bread every morning</h2>
<p>Pickering's bakery in Sallowby bakes for us every day. Order loaves, croissants and pain au chocolat at the shop counter by 18:00, and they will be waiting for you from 8:00 the next morning. There are a few spare loaves each day, but they rarely last past nine.</p>
""", "2026-04-11"))

pages.append(page("/on-the-mere/", "Boats, paddleboards and fishing on the mere", """
<h1>On the mere</h1>
<p>Hollow Mere is about forty acres of clear, still water, fed by springs and ringed with reed beds, alder and willow. Great crested grebes nest at the western end, and if you are out early you may see the otters.</p>
<h2>The boathouse</h2>
<p>Our boathouse on Lakeside Meadow hires out kayaks, paddleboards and rowing boats from the Saturday before Easter to the end of September, from 10:00 to 17:00 every day, weather permitting. Buoyancy aids are included and must be worn on the water. Children must be 8 or over, and under-16s need an adult with them on the water.</p>
<table>
  <caption>Boat and board hire</caption>
  <thead><tr><th>Craft</th><th>One hour</th><th>Half day (four hours)</th></tr></thead>
  <tbody>
    <tr><td>Single kayak</td><td>£12</td><td>£30</td></tr>
    <tr><td>Double kayak</td><td>£18</td><td>£42</td></tr>
    <tr><td>Stand-up paddleboard</td><td>£15</td><td>£36</td></tr>
    <tr><td>Rowing boat, up to four people</td><td>£20</td><td>£48</td></tr>
  </tbody>
</table>
<h2>Paddleboard taster sessions</h2>
<p>Never stood on a board? Ffion runs taster sessions for beginners every Saturday from 9:00 to 10:30, from May to September. She starts on the jetty, teaches you to kneel, stand, steer and fall in gracefully, and then leads a gentle paddle along the shore. A taster session costs £25 a person and is for anyone aged 10 or over; book at the boathouse or at reception.</p>
<h2>Fishing</h2>
<p>The mere holds carp, tench, bream, roach and perch, and you can fish from the twelve pegs along the north bank from 6:00 until dusk, all year round for pod guests. A day ticket costs £7.50 for adults and £4 for juniors under 16, and is sold at the shop or, when the shop is closed, at reception.</p>
<ul>
  <li>Barbless hooks only, and every fish goes back.</li>
  <li>No night fishing, and no fishing from the boats.</li>
  <li>Please use an unhooking mat and take all your line home with you.</li>
</ul>
""", "2026-03-27"))

pages.append(page("/whats-on/", "What's on in the summer holidays", """
<h1>What's on for children</h1>
<p>Every week of the school summer holidays, Dennis and the team run a programme of outdoor activities for children. Most are aimed at ages 5 to 12, younger children are welcome with a grown-up, and the free ones need no booking: just turn up at the games barn at the start time. For the others, book and pay at reception the day before.</p>
<table>
  <caption>Weekly summer holiday programme</caption>
  <thead><tr><th>Day</th><th>Activity</th><th>Time</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Monday</td><td>Pond dipping in the farm pond, with nets and trays</td><td>10:00 to 11:00</td><td>Free</td></tr>
    <tr><td>Tuesday</td><td>Bug hunt and nature trail through Hollow Wood</td><td>10:30 to 12:00</td><td>Free</td></tr>
    <tr><td>Wednesday</td><td>Den building in Hollow Wood</td><td>14:00 to 15:30</td><td>£5 a child</td></tr>
    <tr><td>Thursday</td><td>Outdoor film night on the big screen behind the games barn</td><td>From dusk, about 20:45</td><td>£2 a person</td></tr>
    <tr><td>Friday</td><td>Campfire songs and stories, with marshmallows</td><td>19:00 to 20:00</td><td>£3 a child</td></tr>
    <tr><td>Saturday</td><td>Tractor and trailer ride round Mere Farm</td><td>11:00 and 16:00</td><td>£2 a person</td></tr>
  </tbody>
</table>
<p>Wear clothes that can get muddy, and wellies for pond dipping. If it pours, the morning activities move into the games barn and we play games and make things instead; film night is cancelled if it rains.</p>
<h2>The rest of the year</h2>
<p>Outside the summer holidays there is no set programme, but the nature trail leaflet, a spotter sheet and a bag of pond nets can be borrowed from reception at any time. At the May and October half terms we hold a den building morning on the Wednesday, and in October there is our <a href="/news/lantern-night-2026/">Lantern Night</a>.</p>
""", "2026-06-24"))

pages.append(page("/booking/", "Booking and arrival", """
<h1>Booking your stay</h1>
<p>You can book a pitch or a pod online at any time using the Book now button, or ring reception during opening hours. We are a small site and the summer holidays book up early, so if you have your heart set on Lakeside Meadow or a Heron pod in August, book in the new year.</p>
<h2>Deposit and paying</h2>
<p>We take a deposit of £50 per pitch or pod when you book. For pitches, the balance is paid at reception when you arrive. For pods, the balance is due 28 days before your arrival date, and we will email you a reminder.</p>
<h2>Minimum stays</h2>
<p>There is no minimum stay for pitches on weeknights or in low season. In high season, Friday and Saturday nights must be booked together, and over bank holiday weekends the minimum stay is three nights.</p>
<h2>Arriving and leaving</h2>
<table>
  <thead><tr><th></th><th>Arrive from</th><th>Leave by</th></tr></thead>
  <tbody>
    <tr><td>Pitches</td><td>13:00</td><td>11:00</td></tr>
    <tr><td>Glamping pods</td><td>16:00</td><td>10:00</td></tr>
  </tbody>
</table>
<p>Please check in at reception when you arrive, and we will show you to your pitch or pod. If you are going to be late, see the <a href="/site-rules/">site rules</a> for what to do.</p>
<h2>Changes and cancellations</h2>
<p>We will move your booking to other dates once, free of charge, if there is space. If you cancel more than 14 days before you are due to arrive, we refund your deposit less a £10 admin fee; after that, the deposit is not refundable. Pod bookings cancelled within 28 days of arrival are not refunded unless we can let the pod to someone else. We recommend holiday insurance.</p>
<p>If we have to close the site because of flooding or another emergency, we refund everything you have paid.</p>
""", "2026-01-12"))

pages.append(page("/dogs/", "Bringing your dog", """
<h1>Bringing your dog</h1>
<p>Dogs are very much part of the family at Hollowmere: we have two of our own, Bramble and Pip, who you will probably meet at reception. We just ask that everybody's dog is kept under control, because the fields beyond the site are full of sheep and ground-nesting birds.</p>
<h2>Where dogs can stay</h2>
<ul>
  <li>On any pitch, up to two dogs per pitch, at £2.50 per dog per night.</li>
  <li>In our two dog-friendly pods, Curlew 1 and Curlew 2, up to two dogs, at £20 per dog per stay. Please bring your dog's own bed or blanket, and keep dogs off the beds and sofa bed.</li>
  <li>Dogs are not allowed in the other Curlew pods or in the Heron pods.</li>
</ul>
<h2>Rules for dogs</h2>
<ul>
  <li>Keep your dog on a lead no longer than two metres everywhere on site, including Lakeside Meadow.</li>
  <li>Never leave a dog on its own in a tent, caravan, car or pod.</li>
  <li>Dogs are not allowed in the shop, the shower blocks, the play area or the games barn; assistance dogs are welcome everywhere.</li>
  <li>Pick up after your dog and use the red dog bins by each shower block.</li>
</ul>
<h2>Walks</h2>
<p>The Long Field, beyond the Orchard Field, is our fenced dog exercise area, where dogs can be let off the lead. The footpath round the mere is about three miles and makes a lovely morning walk, but it crosses two fields of sheep, so dogs must stay on leads. There is a dog shower with warm water outside the Meadow block for muddy paws.</p>
""", "2026-02-16"))

pages.append(page("/site-rules/", "Site rules", """
<h1>Site rules</h1>
<p>We have only a few rules, and they are all about keeping Hollowmere safe and peaceful for everyone. Thank you for keeping to them.</p>
<h2>Quiet hours</h2>
<p>Quiet hours are from 22:30 to 7:30. Please keep voices and music down, and no car engines, between those times. Music should never be audible from the next pitch.</p>
<h2>Cars and the barrier</h2>
<ul>
  <li>The speed limit on site is 5 mph, with children and dogs about.</li>
  <li>The barrier at the entrance is closed from 22:30 to 7:00, and no cars may come in or out.</li>
  <li>If you are going to arrive after 22:30, ring reception before 17:00 on the day. We will leave your details in the letterbox by the barrier; park in the late arrivals bay just outside, walk in quietly with what you need for the night, and bring your car on in the morning.</li>
</ul>
<h2>Fires and barbecues</h2>
<p>Open fires are only allowed in our raised fire pits, which can be hired from reception for £5 a night and come with a fire blanket. The Curlew pods each have their own. Barbecues must stand at least 30 centimetres off the grass on their own legs or on bricks, and disposable barbecues must never be left on the ground. Please put all fires out before you go to bed.</p>
<h2>Day visitors</h2>
<p>Friends and family are welcome to visit you for the day. Visitors must sign in at reception, and pay £3.50 per adult; children visit free. They park in the overflow car park and must leave by 21:00.</p>
<h2>Other rules</h2>
<ul>
  <li>No generators, and no drones.</li>
  <li>Children under 12 must have an adult with them at the water's edge and in the shower blocks.</li>
  <li>Please take your recycling to the bins at the entrance, sorted as shown on the signs.</li>
</ul>
""", "2026-03-09"))

pages.append(page("/accessibility/", "Accessibility", """
<h1>Accessibility</h1>
<p>A campsite in a field by a lake is never going to be perfectly flat, but we have done a lot over the years to make Hollowmere easier to enjoy for guests with limited mobility. If you have a question about any of this, ring reception and we will talk it through.</p>
<h2>Heron 3, our accessible pod</h2>
<p>Heron 3 has a gently sloping ramp from its own parking space, a wide door, and enough room inside to turn a wheelchair. The shower room is a level-access wet room with a fold-down shower seat and grab rails, and the kitchen worktop and hob are lowered. The double bed can be swapped for two single beds if you ask when you book.</p>
<h2>Pitches and the shower blocks</h2>
<p>Hardstanding pitches 1 to 6 in the Top Field are on a tarmac path right beside the Top Field block. The accessible wet room is in the Meadow block, with a RADAR key lock; borrow a key from reception if you don't have one. A tarmac path links reception, the Top Field and the Meadow block.</p>
<h2>Getting around</h2>
<ul>
  <li>The footpath round the mere is gravel for the first half mile in each direction, then becomes a grass field path with stiles on the north side.</li>
  <li>The boathouse jetty is level with the path, and we have a wide, stable paddleboard and a rowing boat with a low step for guests who find getting afloat hard.</li>
  <li>Reception has a hearing loop, and we can print the site map and rules in large print.</li>
</ul>
<p>Assistance dogs are welcome everywhere on site, free of charge.</p>
""", "2026-04-02"))

pages.append(page("/opening-times/", "Opening times and season dates", """
<h1>Opening times and season dates</h1>
<h2>Season dates for 2027</h2>
<p>Our pitches are open from Friday 19 March 2027 to Sunday 31 October 2027. The glamping pods are open all year except from 4 to 28 January 2027, when we close them for their annual maintenance.</p>
<h2>Reception</h2>
<table>
  <thead><tr><th>Period</th><th>Reception open</th></tr></thead>
  <tbody>
    <tr><td>March to the start of the school summer holidays, September and October</td><td>9:00 to 17:00</td></tr>
    <tr><td>School summer holidays</td><td>8:30 to 20:00</td></tr>
    <tr><td>November to March, pods only</td><td>10:00 to 16:00</td></tr>
  </tbody>
</table>
<p>Outside these times, the warden lives on site and can be reached in an emergency on the number on the reception door. The shop keeps <a href="/shop/">its own hours</a>, and the boathouse is open from 10:00 to 17:00 in season.</p>
<h2>The barrier</h2>
<p>The entrance barrier is closed from 22:30 to 7:00. Guests arriving late should follow the late arrival instructions in our <a href="/site-rules/">site rules</a>.</p>
<h2>Christmas and New Year</h2>
<p>The pods are open over Christmas and New Year, and we decorate each one with a small tree. Reception is closed on 25 and 26 December and on 1 January; if you arrive on those days, your key will be left in the key safe and we will send you the code the day before.</p>
""", "2026-11-02"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding Hollowmere</h1>
<p>Hollowmere Campsite, Mere Farm, Hollow Lane, Sallowby WQ4 7TD. Reception is on 01632 960 471, and you can email stay@hollowmere.example.</p>
<h2>By car</h2>
<p>From Sallowby market place, take Church Street past the church and keep straight on at the crossroads onto Mere Road. After a mile, turn left at the Wheatsheaf onto Hollow Lane, where our brown tent sign points the way; the entrance is half a mile down on the right.</p>
<p><strong>Please don't follow your sat nav.</strong> Our postcode sends most of them along Gallows Lane from the Amersley road, which is single track with no passing places and a sharp bend that touring caravans and motorhomes cannot get round. Come through Sallowby instead.</p>
<h2>By train and bus</h2>
<p>Sallowby station is two and a half miles away, on the far side of town. Sallowby Cars run taxis from the station and need booking at weekends. The 214 bus from Sallowby to Amersley stops at the end of Hollow Lane every two hours, Monday to Saturday, and it is a ten-minute walk from the stop.</p>
<h2>On foot and by bike</h2>
<p>The lakeside footpath from Sallowby brings you into the site through the gate by the boathouse, about thirty minutes' walk from the market place. The Mere Trail, a traffic-free cycle path along the old railway line, passes the end of Hollow Lane, so bring your bikes: there is a covered bike rack by reception, and walkers and cyclists without a car get a pitch at a lower price.</p>
""", "2026-05-07"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we're often asked</h1>
<details><summary>Can we swim in the mere?</summary><p>No, sorry. The mere is deep, very cold below the surface even in summer, and has thick weed beds, so swimming is not allowed anywhere on it. If you fall in from a kayak or board, your buoyancy aid will keep you afloat; climb back on or hold on and wave to the boathouse.</p></details>
<details><summary>Can we get to our pitch earlier than the arrival time?</summary><p>If your pitch was empty the night before, you can usually arrive from 10:00 for an early arrival charge of £9.50. Ring reception a day or two ahead to check. Early arrival isn't possible for the pods, because they are cleaned on the morning of your arrival.</p></details>
<details><summary>Is there anywhere to get a takeaway?</summary><p>Yes. A fish and chip van comes to the car park by reception every Friday from 17:00 to 19:30, and Fired Up Pizza bring their wood-fired oven on Tuesdays from 17:00 to 20:00, from Easter to the end of September. Several Sallowby takeaways will also deliver to reception.</p></details>
<details><summary>Do you take group bookings?</summary><p>We are a family site. Groups of up to three families booking together are very welcome, and we will try to put you next to each other. We don't take groups of adults without children, or stag and hen parties.</p></details>
<details><summary>Can you freeze our ice packs?</summary><p>Yes, free of charge. Write your name and pitch number on them and leave them at the shop counter; they will be frozen and ready for you the next day.</p></details>
<details><summary>Is there a phone signal?</summary><p>EE and Vodafone work well in the Top Field and most of the Orchard Field. Other networks are patchy, and down by the lake nearly everyone loses signal. Free wifi covers reception, the shop and the games barn.</p></details>
<details><summary>Can I have a parcel delivered to the site?</summary><p>Yes, to reception. Put your name and the dates of your stay on the label, and we will keep it for you behind the counter.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes. Our gift vouchers can be used for pitches, pods and boat hire, come in any amount from £25, and are valid for 12 months. Ring reception to buy one.</p></details>
""", "2026-07-08"))

pages.append(page("/team/", "Who's who", """
<h1>The Hollowmere team</h1>
<section>
<h3>Jo and Gareth Penhallow, owners</h3>
<p>Gareth grew up on Mere Farm, in the house behind reception, and took over the campsite from his parents in 2011. Jo looks after bookings and the pods; Gareth does everything with a tractor, a spade or a spanner, and still farms the sheep on the hill.</p>
</section>
<section>
<h3>Dennis Okonkwo, site warden</h3>
<p>Dennis has been our warden since 2016. He lives on site, keeps the fields and shower blocks in order, leads the nature trail and the Lantern Night walk, and is the person to ring if anything goes wrong at night.</p>
</section>
<section>
<h3>Lottie Brennan, shop manager</h3>
<p>Lottie runs the shop in the old dairy and chooses everything on its shelves. She knows every farm and brewery within ten miles, and most of their dogs.</p>
</section>
<section>
<h3>Ffion Cadwgan, boathouse manager</h3>
<p>Ffion runs the boathouse and teaches the paddleboard taster sessions. She is a qualified paddlesport instructor and spent six winters coaching kayaking in Snowdonia before coming to Hollowmere.</p>
</section>
<section>
<h3>Marek Zielinski, pods and housekeeping</h3>
<p>Marek and his team get the pods and shower blocks ready every day, and Marek built the decking on the Heron pods himself.</p>
</section>
<p>In the summer, reception is run by <strong>Holly Tranter</strong> and <strong>Sam Obi</strong>, and the boathouse has two extra instructors.</p>
""", "2026-03-19"))

pages.append(page("/news/lantern-night-2026/", "Lantern Night 2026", """
<article>
<h1>Lantern Night is back on Halloween</h1>
<p><time datetime="2026-09-21">21 September 2026</time></p>
<p>Our Lantern Night returns on Saturday 31 October 2026, the last night of the season for pitches.</p>
<p>From 15:30 to 17:00 there will be pumpkin carving in the games barn, with pumpkins grown by Gareth on Mere Farm. A pumpkin with a candle costs £4, and we supply the spoons, knives and grown-up help. At 18:30, Dennis will lead a lantern walk along the shore of the mere to the bird hide and back, about an hour at a child's pace, with hot chocolate round the campfire afterwards.</p>
<p>Lantern Night is free for everyone staying with us that weekend, and fancy dress is encouraged but not required. Bring a torch and wellies, as the shore path can be muddy by the end of October. Children must stay with a grown-up on the walk, and dogs on short leads are welcome to join us. There are still a few pitches and two Curlew pods free for that weekend; ring reception to book.</p>
</article>
""", "2026-09-21", '<meta property="article:published_time" content="2026-09-21">'))

pages.append(page("/news/2027-season/", "Booking for 2027 is open", """
<article>
<h1>Booking for 2027 is open, and a few things are changing</h1>
<p><time datetime="2026-11-18">18 November 2026</time></p>
<p>Thank you to everyone who stayed with us in 2026. Booking for the 2027 season is now open, with the pitches opening on Friday 19 March 2027. Pitch prices stay the same as this year, but we have listened to your feedback and made some changes to our booking terms for all stays from 1 January 2027:</p>
<ul>
  <li>Pod check-in is now from 15:00 (it was 16:00). Marek's team has a new laundry arrangement, so the pods are ready earlier. Check-out stays at 10:00.</li>
  <li>The minimum stay over bank holiday weekends is now two nights (it was three), so you can come for just the Saturday and Sunday.</li>
  <li>The deposit is now £60 per pitch or pod (it was £50), to cover the cost of our new booking system.</li>
</ul>
<p>Bookings already made for 2027 keep the old deposit. Everything else on our <a href="/booking/">booking page</a> stays as it is.</p>
<p>We look forward to welcoming you back to the mere.</p>
</article>
""", "2026-11-18", '<meta property="article:published_time" content="2026-11-18">'))

pages.append(page("/privacy/", "Privacy", """
<h1>Privacy</h1>
<p>When you book a pitch or pod, buy a gift voucher or book a taster session, we keep your name, address, phone number, email address, the registration of your car and the details of your stay, so that we can look after your booking and let you onto the site. We keep booking records for six years for tax purposes.</p>
<p>Our online booking system is run for us by a booking provider, who processes your details only on our instructions. We never sell your details or share them with anyone else for their marketing, and we only send you our newsletter if you ask for it. You can unsubscribe at any time.</p>
<p>This website sets one cookie, which remembers what you have chosen while you make a booking. CCTV covers the entrance barrier and the car park by reception, and recordings are kept for 30 days.</p>
<p>To see or correct what we hold about you, email privacy@hollowmere.example.</p>
""", "2026-01-20"))

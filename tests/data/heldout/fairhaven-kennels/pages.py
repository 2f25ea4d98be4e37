# The pages (hand-written content) of Fairhaven, a boarding kennels and cattery with dog grooming and daycare the project has never seen.
pages.append(page("/", "Boarding kennels and cattery in Thistleby", """
<h1>A home from home for your dog or cat</h1>
<p class="lead">Fairhaven has looked after the dogs and cats of Thistleby since 1994, when Jean Ashdown turned the old cow sheds at Fairhaven Farm into twelve kennels. Her son Martin and his wife Rachel run it now, with a team of fourteen, and the farm has grown into boarding kennels, a cattery, a grooming salon and a daycare for dogs whose owners are out at work.</p>
<h2>What we do</h2>
<ul>
  <li><a href="/dog-boarding/">Dog boarding</a> in heated kennels with covered runs, three outings a day and an acre of paddock to play in.</li>
  <li><a href="/cattery/">Willow House cattery</a>, a quiet building of its own at the far end of the yard, out of sight and sound of the dogs.</li>
  <li><a href="/daycare/">Daycare</a> on weekdays, in small groups matched by size and temperament.</li>
  <li><a href="/grooming/">The grooming salon</a>, open to every dog, not just our boarders.</li>
  <li><a href="/pet-taxi/">A pet taxi</a> if you can't get to us yourself.</li>
</ul>
<h2>Why owners come back</h2>
<p>We are a small, family-run place on a working farm, not a chain. The same faces look after your pet from the day you drop off to the day you collect, we keep proper notes on every guest, and we ring you if anything at all is worrying us. Many of our dogs have been coming to us twice a year for a decade.</p>
<p>We are licensed by Thistleby District Council and were given the full five-star rating at our last inspection.</p>
<h2>Latest news</h2>
<p>Read about <a href="/news/price-changes-2026/">our new kennel prices from November</a> and <a href="/news/christmas-2026/">booking for Christmas</a>. Thinking of visiting first? See <a href="/faq/">our help page</a> for show-rounds.</p>
""", "2026-11-16"))

pages.append(page("/dog-boarding/", "Dog boarding", """
<h1>Dog boarding</h1>
<p>We have forty kennels in two converted barns, Oak Barn and Ash Barn. Every kennel has a heated, insulated sleeping area with a raised bed and a covered outside run of its own, so your dog can choose between snoozing in the warm and watching the world go by.</p>
<h2>A day at Fairhaven</h2>
<ul>
  <li>Breakfast at 7:30, then the first outing in the paddock while the kennels are cleaned.</li>
  <li>A second outing late morning: a lead walk round the farm track for dogs who like to sniff, or a run in the paddock for those who like to play.</li>
  <li>Quiet time after lunch, with the radio on low.</li>
  <li>A third outing at teatime, dinner at 16:30 and a last garden visit before lights out at 21:00.</li>
</ul>
<p>Every dog is walked on their own or only with dogs from the same household. We never mix boarding dogs from different families, so a shy dog will never be pushed into company.</p>
<h2>Prices</h2>
<table>
  <caption>Price per night, including food, walks and bedding</caption>
  <thead><tr><th>Kennel</th><th>One dog</th><th>Two dogs sharing</th><th>Three dogs sharing</th></tr></thead>
  <tbody>
    <tr><td>Standard kennel</td><td>£27</td><td>£45</td><td>Not available</td></tr>
    <tr><td>Family kennel (extra-large, for big breeds or families)</td><td>£32</td><td>£52</td><td>£68</td></tr>
    <tr><td>Garden suite (with a sofa and its own patch of lawn)</td><td>£38</td><td>£57</td><td>£72</td></tr>
  </tbody>
</table>
<p>On peak dates, which are Easter, the school summer holidays, the October half term and 20 December to 3 January, we add a peak supplement of £4 a night for each dog. We charge by the night, not by the day, so a dog dropped off on Friday morning and collected on Sunday evening pays for two nights.</p>
<p>Dogs must be fully vaccinated, including against kennel cough; see <a href="/vaccinations/">vaccinations</a> before you book.</p>
""", "2026-03-12"))

pages.append(page("/cattery/", "Willow House cattery", """
<h1>Willow House cattery</h1>
<p>Cats are not small dogs, and they don't enjoy barking. Willow House is a separate building at the far end of the yard, behind a beech hedge, with 24 chalets looking out over the orchard. It is run by Morwenna Liddell, who has kept cats all her life and has been with us since 2008.</p>
<h2>The chalets</h2>
<p>Each chalet has a heated sleeping area with a shelf at window height and a covered run with climbing platforms, a scratching post and a sunny spot. Solid walls between the chalets mean no nose-to-nose contact with strangers, and sneeze barriers stop colds passing from one to the next.</p>
<h2>Prices</h2>
<table>
  <caption>Price per night</caption>
  <thead><tr><th>Chalet</th><th>One cat</th><th>Two cats sharing</th><th>Three cats sharing</th></tr></thead>
  <tbody>
    <tr><td>Standard chalet</td><td>£16.50</td><td>£26</td><td>Not available</td></tr>
    <tr><td>Family chalet</td><td>£19</td><td>£30.50</td><td>£39</td></tr>
    <tr><td>Orchard-view chalet</td><td>£21</td><td>£32</td><td>£42</td></tr>
  </tbody>
</table>
<p>Cats from the same home can share a chalet, and most are happier together. There is no peak supplement in the cattery.</p>
<h2>Food and care</h2>
<p>We feed whatever your cat is used to, wet or dry, and we are happy to give tablets, liquid medicine and insulin injections at no extra charge. Just bring enough for the whole stay, in the original packaging. Elderly and shy cats get a chalet at the quiet end, and we keep a diary of how much each cat eats so that we notice early if someone is off their food.</p>
<p>Cats must be vaccinated before they stay; see <a href="/vaccinations/">vaccinations</a>.</p>
""", "2026-06-04"))

pages.append(page("/daycare/", "Dog daycare", """
<h1>Daycare</h1>
<p>Out at work all day and worried about your dog on their own? Our daycare runs from Monday to Friday in the Long Barn and its own fenced field, with dogs in small groups of no more than eight, each with a member of staff. They play, they walk, they nap on beds in the barn, and they come home tired and happy.</p>
<h2>Sessions and prices</h2>
<table>
  <thead><tr><th>Session</th><th>Hours</th><th>Price</th></tr></thead>
  <tbody>
    <tr><td>Full day</td><td>7:30 to 18:30</td><td>£28</td></tr>
    <tr><td>Morning half day</td><td>7:30 to 13:00</td><td>£18</td></tr>
    <tr><td>Afternoon half day</td><td>13:00 to 18:30</td><td>£18</td></tr>
    <tr><td>Ten full days, to use within three months</td><td>7:30 to 18:30</td><td>£250</td></tr>
  </tbody>
</table>
<p>You can drop off and collect at any time within your session. Bring a packed lunch if your dog usually eats in the middle of the day.</p>
<h2>Who can come</h2>
<p>Dogs need to be at least six months old and vaccinated just as for boarding. Before a first day, every dog comes for a free taster session of two hours, so that we can see how they get on with others and put them in the right group. Book the taster by ringing the office.</p>
<h2>Groups</h2>
<ul>
  <li><strong>Little Paws:</strong> small and older dogs who prefer a gentle pace.</li>
  <li><strong>Rovers:</strong> medium and large dogs who love a game of chase.</li>
  <li><strong>The Quiet Room:</strong> dogs who like company but not rough and tumble.</li>
</ul>
<p>Daycare dogs can also have a bath in <a href="/grooming/">the salon</a> before they go home, and in Zone 1 our <a href="/pet-taxi/">pet taxi</a> can bring them to us and take them home again.</p>
""", "2026-05-20"))

pages.append(page("/grooming/", "Dog grooming", """
<h1>The grooming salon</h1>
<p>Our salon is in the old dairy, next to reception. It is open to every dog, whether they are staying with us or not, from Tuesday to Saturday, 8:30 to 17:00. Head groomer Fenella Ferrier and her assistant Bethan Hartley groom around thirty dogs a week, one at a time, so nobody is kept waiting in a cage.</p>
<h2>Prices</h2>
<table>
  <caption>Grooming prices by size of dog</caption>
  <thead><tr><th>Size</th><th>For example</th><th>Bath and brush</th><th>Full groom</th><th>Nail clip</th></tr></thead>
  <tbody>
    <tr><td>Small</td><td>Westie, Shih Tzu, Border Terrier</td><td>£30</td><td>£42</td><td>£10</td></tr>
    <tr><td>Medium</td><td>Cocker Spaniel, Schnauzer, Cockapoo</td><td>£36</td><td>£50</td><td>£10</td></tr>
    <tr><td>Large</td><td>Labrador, Golden Retriever, Standard Poodle</td><td>£44</td><td>£58</td><td>£12</td></tr>
    <tr><td>Giant</td><td>Newfoundland, Bernese, Leonberger</td><td>from £55</td><td>from £75</td><td>£12</td></tr>
  </tbody>
</table>
<p>A full groom is a bath, blow-dry, clip or hand scissoring to the style you ask for, ears cleaned and nails clipped. A bath and brush is a bath, blow-dry and a thorough brush-out without any cutting.</p>
<h2>Also in the salon</h2>
<ul>
  <li><strong>Puppy introduction</strong> for puppies under six months: a gentle first bath, a tidy of the face and feet, and lots of treats. £20.</li>
  <li><strong>Hand stripping</strong> for wire-coated breeds: £40 an hour.</li>
  <li><strong>Nail clips</strong> are done while you wait, with no appointment needed, whenever the salon is open.</li>
  <li><strong>Going-home bath</strong> for boarding dogs on their last day: 20% off the bath and brush price.</li>
</ul>
<p>Matted coats sometimes have to be clipped short for the dog's comfort. If that is the case, we will ring you before we start.</p>
""", "2026-07-09"))

pages.append(page("/booking/", "How to book", """
<h1>Booking a stay</h1>
<p>Ring the office on 01632 960 936 or email bookings@fairhavenkennels.example with your dates, your pet's name and breed, and which kennel or chalet you would like. Returning customers can also request dates through My Bookings.</p>
<h2>Deposits</h2>
<p>We ask for a deposit of 25% of the cost of the stay to confirm a booking, which we'll take over the phone. Until the deposit is paid, dates are only pencilled in, and we release them after seven days. The balance is due when you collect.</p>
<h2>Cancelling or changing dates</h2>
<ul>
  <li>More than 28 days before the stay: we refund your deposit or move it to new dates.</li>
  <li>Between 28 and 7 days before: we keep the deposit, but you can move it to new dates within six months.</li>
  <li>Less than 7 days before: the deposit is kept.</li>
</ul>
<p>If you collect early, we charge for the nights you booked, unless we can fill the kennel again.</p>
<h2>When to book</h2>
<p>Weekends and school holidays fill up first. For the summer holidays we recommend booking at least three months ahead, and many regulars book a year in advance. For other times of year, a few weeks' notice is usually plenty, and we can sometimes help at short notice, so always ring.</p>
<h2>Long stays</h2>
<p>Stays of 14 nights or more get 10% off the whole stay, in the kennels and the cattery.</p>
<h2>First stay?</h2>
<p>If your pet has not stayed with us before, please send a copy of their vaccination record with your booking, and fill in the pet profile form we email you, with their routine, food, likes and dislikes, and your vet's details.</p>
""", "2026-04-15"))

pages.append(page("/vaccinations/", "Vaccinations and health", """
<h1>Vaccinations and health</h1>
<p>Boarding animals from many homes under one roof means we have to be strict about vaccinations. We must see your pet's vaccination record, signed and stamped by a vet, when you drop off; without it we can't take your pet in, however often they have stayed before.</p>
<h2>Dogs</h2>
<ul>
  <li>Vaccinated against distemper, hepatitis, parvovirus and leptospirosis, with boosters kept up to date.</li>
  <li>Vaccinated against kennel cough at least 14 days before the stay begins, and within the last twelve months.</li>
  <li>Puppies must have finished their first course of injections at least 14 days before they stay.</li>
</ul>
<h2>Cats</h2>
<ul>
  <li>Vaccinated against feline enteritis and cat flu, with the last vaccination or booster given at least 7 days before the stay.</li>
  <li>Boosters must be up to date: a cat whose boosters have lapsed has to start the course again.</li>
</ul>
<h2>Fleas and worms</h2>
<p>Please treat your dog or cat for fleas and worms in the month before they come. If we find fleas on arrival, we will treat your pet and their bedding, and charge £12 for it.</p>
<h2>Homeopathic vaccines</h2>
<p>We are sorry, but we can't accept nosodes or other homeopathic alternatives in place of vaccination, and we can't accept blood titre test results instead of boosters.</p>
<h2>Health on arrival</h2>
<p>If your pet has been unwell in the fortnight before their stay, please tell us before you arrive. We may ask you to delay the stay if they have had sickness, diarrhoea or a cough.</p>
""", "2026-01-22"))

pages.append(page("/what-to-bring/", "What to bring", """
<h1>What to bring</h1>
<p>Less is more. Every kennel and chalet is fully equipped with bedding, bowls and blankets, so you only need to bring the things that make your pet feel at home.</p>
<h2>Food</h2>
<p>Meals are included in the price: we feed dogs a complete dry food with a little wet food mixed in, and cats a choice of pouches and biscuits. If your pet is on a special diet, or you would simply rather we fed their usual food, bring it with you in labelled daily portions and we will feed it exactly as you ask. The price stays the same either way. Fresh water is always available.</p>
<h2>Bedding and toys</h2>
<ul>
  <li>One item that smells of home, such as an old jumper or a blanket. Please don't bring a large dog bed; there is no room for it next to ours.</li>
  <li>One or two favourite toys. We can't promise they will come home in one piece.</li>
  <li>Chews are fine, but no rawhide, please.</li>
</ul>
<h2>Medicines</h2>
<p>Bring enough for the whole stay plus two extra days, in the original packaging with the vet's label, and write down when and how each one is given.</p>
<h2>Paperwork</h2>
<ul>
  <li>Your pet's <a href="/vaccinations/">vaccination record</a>.</li>
  <li>A phone number where we can reach you, and one for someone at home who can act for you.</li>
</ul>
<h2>Please leave at home</h2>
<p>Harnesses, coats and leads go home with you at drop-off, because they get lost and chewed; we use our own slip leads on walks. Collars with an ID tag stay on.</p>
""", "2026-02-26"))

pages.append(page("/facilities/", "Look around Fairhaven", """
<h1>Look around</h1>
<p>Fairhaven Farm sits on twelve acres at the top of Pennywell Lane. The cows went in 1994, but the barns, the orchard and the farm track are all still here, and our guests make the most of them.</p>
<h2>Oak Barn and Ash Barn</h2>
<p>Our two kennel blocks were converted from the old cow sheds. Each kennel has underfloor heating in its sleeping area, a raised bed and a covered run. Oak Barn has the quieter kennels, where we put older and nervous dogs; Ash Barn is for the livelier ones, and opens straight onto the paddock.</p>
<h2>The paddock</h2>
<img src="/images/paddock.jpg" alt="The exercise paddock behind Ash Barn, an acre of grass with a 1.8 metre fence all the way round and a shelter in the corner">
<p>The paddock is where the boarding dogs run, play ball and roll in the grass, one family at a time. There is a shaded shelter for hot days and a hose for muddy ones.</p>
<h2>Garden suites</h2>
<p>Our six garden suites are in the converted stables facing the orchard. They have a sofa, a radio and a patch of lawn, and are a favourite with older dogs who are used to home comforts.</p>
<h2>Willow House</h2>
<p>The cattery stands on its own behind a beech hedge, with its 24 chalets looking out over the apple trees. It has its own entrance, so cats never have to pass the dogs.</p>
<h2>The Long Barn</h2>
<p>Home to the <a href="/daycare/">daycare</a>, with rubber floors, beds, a ball pit and a fenced field of its own.</p>
<h2>The old dairy</h2>
<p>Now our reception and the <a href="/grooming/">grooming salon</a>. It is where you drop off and collect, and where you'll find the biscuit jar.</p>
""", "2026-05-02"))

pages.append(page("/pet-taxi/", "Pet taxi", """
<h1>Pet taxi</h1>
<p>Off to the airport at dawn, don't drive, or simply short of time? Our pet taxi will pick your dog or cat up from your home and bring them back at the end of their stay, door to door. Ray Stirk drives our air-conditioned van, which has fitted crates for dogs and secure carrier spaces for cats, and he never carries animals from different homes in the same crate.</p>
<h2>Prices</h2>
<table>
  <caption>Pet taxi prices per journey</caption>
  <thead><tr><th>Zone</th><th>Distance from Fairhaven</th><th>Includes</th><th>Each way</th></tr></thead>
  <tbody>
    <tr><td>Zone 1</td><td>Up to 5 miles</td><td>Thistleby, Ebbsworth, Mardle Green</td><td>£10</td></tr>
    <tr><td>Zone 2</td><td>5 to 10 miles</td><td>Cawston Magna, Sorrelford, Tanfield</td><td>£16</td></tr>
    <tr><td>Zone 3</td><td>10 to 15 miles</td><td>Brindlecombe, Upper Wyke, Kexley</td><td>£22</td></tr>
  </tbody>
</table>
<p>The price is per journey, not per pet, so two dogs from the same home cost the same as one. Further than 15 miles, ask us for a quote.</p>
<h2>Daycare run</h2>
<p>For daycare dogs who live in Zone 1, the van does a morning round from 7:30 and an evening round from 17:00. This costs £6 each way, and needs booking at least a day ahead.</p>
<h2>How it works</h2>
<ul>
  <li>Book the taxi when you book the stay. We'll give you a one-hour collection window the day before.</li>
  <li>Have your pet's vaccination record, medicines and food ready at the door.</li>
  <li>If nobody will be home on the way back, tell us who has a key or which neighbour to call.</li>
</ul>
<p>The taxi runs Monday to Saturday. Sunday journeys can sometimes be arranged for an extra £10.</p>
""", "2026-04-29"))

pages.append(page("/opening-hours/", "Opening times", """
<h1>Opening times</h1>
<p>Our animals are looked after every day of the year, but reception is only open for dropping off and collecting at these times:</p>
<table>
  <thead><tr><th>Day</th><th>Drop-off and collection</th><th>Phones answered</th></tr></thead>
  <tbody>
    <tr><td>Monday to Friday</td><td>8:00 to 11:00 and 16:00 to 18:00</td><td>8:00 to 18:00</td></tr>
    <tr><td>Saturday</td><td>8:00 to 12:00</td><td>8:00 to 15:00</td></tr>
    <tr><td>Sunday</td><td>16:00 to 18:00 (collection only)</td><td>15:30 to 18:00</td></tr>
    <tr><td>Bank holidays</td><td>9:00 to 11:00</td><td>9:00 to 12:00</td></tr>
  </tbody>
</table>
<p>Between 11:00 and 16:00 the staff are busy walking, feeding and cleaning, and the dogs need their quiet time, so please don't arrive in the middle of the day without arranging it with us first.</p>
<h2>Other services</h2>
<ul>
  <li><a href="/daycare/">Daycare</a>: Monday to Friday, 7:30 to 18:30.</li>
  <li><a href="/grooming/">Grooming salon</a>: Tuesday to Saturday, 8:30 to 17:00.</li>
</ul>
<h2>Christmas and New Year</h2>
<p>Reception is closed on Christmas Day, Boxing Day and New Year's Day, so there are no drop-offs or collections on those days. The animals, of course, are cared for as usual. On Christmas Eve and New Year's Eve we are open for drop-off and collection from 8:00 to 12:00. Daycare closes from 24 December and reopens on 4 January.</p>
""", "2026-09-18"))

pages.append(page("/find-us/", "Find us", """
<h1>Finding Fairhaven</h1>
<p>We are at the top of Pennywell Lane, a mile and a half east of Thistleby: Fairhaven Kennels and Cattery, Fairhaven Farm, Pennywell Lane, Thistleby TY7 2LH. Ring the office on 01632 960 936, or email hello@fairhavenkennels.example.</p>
<h2>By car</h2>
<p>From Thistleby, take the Ebbsworth road out of town past the fire station. After about a mile, turn left opposite the entrance to Harrowden Country Park into Pennywell Lane. Follow the lane uphill for half a mile; we are the last farm before the lane becomes a track, on the right, through the white gates.</p>
<p>Sat navs sometimes send drivers to the bottom of the lane from the Sorrelford side, where it is too narrow for cars. Please come in from the Ebbsworth road.</p>
<h2>Parking</h2>
<p>Park in the yard in front of the old dairy, where reception is. Please keep dogs on a lead from the moment they leave the car: there may be other dogs arriving, and the yard leads onto the lane. Cat owners can use the separate Willow House gate to the left of the yard.</p>
<h2>By bus</h2>
<p>The 54 bus from Thistleby bus station to Ebbsworth stops at the end of Pennywell Lane, from where it is a ten-minute walk uphill. Dogs are allowed on the bus. If the walk is a struggle, our <a href="/pet-taxi/">pet taxi</a> might be easier.</p>
<h2>Accessibility</h2>
<p>Reception and the yard are level and step-free, and there is an accessible toilet in the old dairy.</p>
""", "2026-03-30"))

pages.append(page("/team/", "Meet the team", """
<h1>Meet the team</h1>
<section>
<h3>Martin and Rachel Ashdown, owners</h3>
<p>Martin grew up at Fairhaven, walking dogs for his mother Jean before school. He and Rachel took over the kennels in 2011. Martin looks after the buildings, the paddock and the pet taxi rota; Rachel runs the office and the bookings, and is usually the voice on the phone.</p>
</section>
<section>
<h3>Owain Mounsey, kennel manager</h3>
<p>Owain has worked at Fairhaven for fifteen years and runs the kennels day to day, with a team of eight kennel assistants. He holds a Level 3 diploma in animal care and is our lead for canine first aid.</p>
</section>
<section>
<h3>Morwenna Liddell, cattery manager</h3>
<p>Morwenna runs Willow House and has done since 2008. She is a qualified feline behaviourist and has a way with even the crossest of cats.</p>
</section>
<section>
<h3>Fenella Ferrier, head groomer</h3>
<p>Fenella holds the City and Guilds Level 3 certificate in dog grooming and opened our salon in 2017. Her speciality is hand stripping terriers. She is helped by Bethan Hartley, who joined as an apprentice and qualified in 2024.</p>
</section>
<section>
<h3>Tariq Okonjo, daycare lead</h3>
<p>Tariq looks after the daycare dogs in the Long Barn and decides which group each new dog joins after their taster session.</p>
</section>
<p>Our pet taxi is driven by <strong>Ray Stirk</strong>, and weekend shifts in the kennels are led by <strong>Sian Bradwell</strong> and <strong>Imran Qadir</strong>.</p>
""", "2026-02-10"))

pages.append(page("/faq/", "Help and questions", """
<h1>Questions we are often asked</h1>
<details><summary>Can I look round before I book?</summary><p>Please do. Show-rounds are on weekday afternoons between 13:00 and 15:00, while the dogs are resting after lunch. Ring the office to let us know you are coming, and you can see the kennels, the paddock and Willow House for yourself.</p></details>
<details><summary>What happens if my pet is unwell while staying with you?</summary><p>We will ring you straight away. We use Kellaway Veterinary Centre on Station Road in Thistleby, who know our animals well, unless you have asked us in writing to use your own vet. Vet fees are paid by the owner.</p></details>
<details><summary>What if I'm delayed and can't collect on the day I booked?</summary><p>Just ring us as soon as you know. Your pet will stay with us for an extra night at the usual rate, and we'll move the collection to the next opening time. There is no fee for the change.</p></details>
<details><summary>Is my dog too old to board?</summary><p>Age is no barrier. We have looked after dogs of seventeen. Older dogs stay in Oak Barn, where it is quieter, and get shorter, gentler walks at their own pace, with extra bedding for stiff joints.</p></details>
<details><summary>Can dogs from the same family share a kennel?</summary><p>Yes, and they usually prefer it. See the prices for two and three dogs sharing on the <a href="/dog-boarding/">dog boarding</a> page.</p></details>
<details><summary>Can I ring to see how my pet is getting on?</summary><p>Of course. The best time is between 14:00 and 16:00, when the office is quieter. If you are abroad, you can email and we'll reply the same day.</p></details>
<details><summary>Do you sell gift vouchers?</summary><p>Yes, for grooming only, in any amount from £20. They are valid for a year and can be bought at reception.</p></details>
<details><summary>Is my pet insured while staying with you?</summary><p>We hold public liability and care, custody and control insurance. Vet fees for illness during a stay are not covered by our insurance, but most pet insurance policies cover them.</p></details>
""", "2026-08-06"))

pages.append(page("/terms/", "Terms and conditions", """
<h1>Terms and conditions</h1>
<p>These terms apply to every stay, daycare session, grooming appointment and pet taxi journey. By booking with us you agree to them.</p>
<h2>Health and veterinary care</h2>
<ol>
  <li>Every pet must meet our <a href="/vaccinations/">vaccination</a> requirements. We will turn away a pet whose record is missing or out of date.</li>
  <li>If your pet needs a vet while in our care, you authorise us to take them to Kellaway Veterinary Centre, or to your own vet if you have told us so in writing, and to agree to the treatment the vet advises if we cannot reach you. You pay all vet fees.</li>
  <li>You must tell us about any illness, medical condition or behaviour that could affect your pet's care or the safety of our staff.</li>
</ol>
<h2>Payment</h2>
<ol>
  <li>A deposit is needed to confirm every boarding booking; see <a href="/booking/">booking</a> for deposits and cancellations.</li>
  <li>The balance is paid in full when you collect.</li>
  <li>Daycare and grooming are paid for on the day.</li>
</ol>
<h2>Uncollected pets</h2>
<p>If a pet has not been collected seven days after the booked date, and we have been unable to reach you or your emergency contact, we may pass the pet to a rescue charity, in line with our licence conditions.</p>
<h2>Belongings</h2>
<p>We take care with belongings you leave with your pet, but we can't accept responsibility for toys, beds or blankets that are lost or damaged.</p>
<h2 id="privacy">Privacy</h2>
<p>We keep your name, address, phone numbers and email address, with your pet's details and vaccination records, to look after your pet and to meet our licence conditions, which require us to keep records for three years. We don't share your details with anyone except your pet's vet when needed. The one cookie on this site keeps you signed in to My Bookings. To see what we hold about you, email hello@fairhavenkennels.example.</p>
""", "2025-12-01"))

pages.append(page("/careers/", "Jobs at Fairhaven", """
<h1>Work with us</h1>
<p>If you love animals and don't mind mud, early mornings and the occasional wet dog on your lap, come and work with us. Everyone on the team gets free boarding for their own pets for two weeks a year and half-price grooming.</p>
<h2>Kennel assistant, full time</h2>
<p>Cleaning, feeding, walking and getting to know our guests, five days a week including alternate weekends, 7:30 to 16:00 or 10:00 to 18:30. Experience with dogs is useful but not essential; we train every new starter. £12.60 an hour.</p>
<h2>Weekend kennel assistant</h2>
<p>Saturdays and Sundays, 7:30 to 13:30, with extra hours in the school holidays if you would like them. Ideal for students aged 17 and over. £12.60 an hour, or £10.00 an hour if you are under 18.</p>
<h2>Apprentice dog groomer</h2>
<p>Learn the trade in our salon with Fenella, working towards the City and Guilds Level 3 certificate with one day a week at Thistleby College. A two-year apprenticeship, Tuesday to Saturday, paid at the apprentice rate in the first year and £12.60 an hour in the second.</p>
<p>To apply, email Rachel at jobs@fairhavenkennels.example with a few lines about yourself and your experience with animals. We hold taster shifts before we offer anyone a job, so you can see what the work is really like.</p>
""", "2026-10-20"))

pages.append(page("/news/price-changes-2026/", "New kennel prices from 2 November", """
<article>
<h1>New kennel prices from 2 November 2026</h1>
<p><time datetime="2026-10-08">8 October 2026</time></p>
<p>We have kept our kennel prices the same for two years, but heating Oak Barn and Ash Barn through the winter, the new underfloor heating and the rise in the minimum wage mean we have to put some of them up. From Monday 2 November 2026:</p>
<ul>
  <li>Standard kennel: £29 a night for one dog (it was £27), and £48 a night for two dogs sharing (it was £45).</li>
  <li>The peak supplement goes up to £5 per dog per night (it was £4).</li>
  <li>Family kennel and garden suite prices do not change.</li>
</ul>
<p>The new prices apply to every night from 2 November onwards. If you have already booked a stay that runs past that date, your deposit stays as it is and the difference is added to the balance you pay when you collect. Our long-stay discount for stays of 14 nights or more carries on as before, and cattery, daycare, grooming and pet taxi prices are not changing.</p>
<p>Thank you for your understanding, and for sticking with a small family business. Martin, Rachel and the whole team.</p>
</article>
""", "2026-10-08", '<meta property="article:published_time" content="2026-10-08">'))

pages.append(page("/news/christmas-2026/", "Christmas at Fairhaven 2026", """
<article>
<h1>Booking for Christmas 2026</h1>
<p><time datetime="2026-11-16">16 November 2026</time></p>
<p>Christmas is always our busiest time, and the kennels are already nearly full from 23 to 27 December. If you are still hoping to book, ring the office soon; we keep a waiting list and cancellations do come up.</p>
<p>Because of the demand, every booking that includes the night of 24, 25 or 26 December has a minimum stay of four nights this year. The peak supplement applies from 20 December to 3 January as usual.</p>
<p>Nobody misses out on Christmas here. Every dog gets a Christmas dinner of turkey, carrots and a little gravy on the day (unless their diet says otherwise), and the cats get a festive pouch and a new toy to take home. Owain and the team will also be handing out stockings of dog-safe treats to every boarder on Christmas morning.</p>
<p>Remember that reception is closed for drop-off and collection on Christmas Day and Boxing Day. See <a href="/opening-hours/">opening times</a> for the full Christmas hours.</p>
</article>
""", "2026-11-16", '<meta property="article:published_time" content="2026-11-16">'))

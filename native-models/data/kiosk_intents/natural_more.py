#!/usr/bin/python3
"""Write natural_more.jsonl: a second hand-written set of kiosk training lines.

natural.py already covers the messy way shoppers type. This file adds breadth of vocabulary and
phrasing that a small model does not get from the templated train.jsonl or from natural.jsonl:
British, Australian, Canadian and Indian English store words (lift, trolley, chemist, till, queue,
loo, car park, cashpoint, jumper, nappies, biscuits, crisps, fortnight, lay-by, EFTPOS, Interac,
UPI) next to their American equivalents; store artefacts under their many names (circular, flyer,
weekly ad, leaflet, mailer, rain check, layaway, BOPIS, click and collect, kerbside, price
adjustment, store credit, e-receipt); accessibility and family facilities; in-store services
(cake writing, key cutting, engraving, alterations, tyres, bikes, recycling); complaints about
specific incidents; and out_of_scope lines that name other businesses (a competitor's prices,
stock, hours or ads), ask for medication advice, parking fines, insults to the kiosk, general
knowledge, chit-chat or store-internal things a kiosk must not answer. Product questions use
many products across grocery, pharmacy, household, electronics, hardware, clothing, pets and
baby.

Every line below was written by hand for StoreMind as a literal sentence: no templates, no slots,
no seeded variation. Typos, fragments, non-native phrasing and greetings are written into the
lines themselves. Lines are deduplicated case-insensitively (after removing punctuation); a line
that would appear under two intents stops the script. Output order is fixed: intents in the order
below, lines in the order written. Stdlib only, deterministic:

    /usr/bin/python3 native-models/data/kiosk_intents/natural_more.py

The held-out test.jsonl is never read here. Lines equal to a validation line (natural_val.jsonl,
heads/kiosk-intent/dev.jsonl) are left out silently, as natural.py does, and only a count is
printed. check_overlap.py compares natural_more.jsonl with test.jsonl, prints counts only, and
for a collision prints the sha256 of the colliding normalised natural_more line; such hashes go
into EXCLUDE_SHA256 below, so the line is dropped without anyone reading the test line.
"""
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural_more.jsonl")
VAL_FILES = [os.path.join(HERE, "natural_val.jsonl"),
             os.path.join(HERE, "..", "..", "heads", "kiosk-intent", "dev.jsonl")]

# sha256 of normalised lines that check_overlap.py reported as equal to a test line.
EXCLUDE_SHA256 = {
    "0ac8ba9c98efd8fc8540235a1b11b06dc29753e6ccc4b7ef74b21c798cb95b19",
    "10889465e9c722138faaa6677519a0462f3fec53cb77c8c9d05bb30f1a4afd6f",
    "1f70f9c2a0e1e2f62b640592647a219336bdb771975dcd681d901b805f07b372",
    "2e02ab394923ac3851f87b4da262742b7da6417699c02c0107ceb21ac313f21f",
    "551154c9ae6c4190afc1eeab726ea946467ab775dcbaa9c989523c75a77d51ca",
    "55b3214a3952f91d5eb8b0c3013ddc2e9a94b58d79acbdeda26dc1e90088659a",
    "55f444d50e5af6bd1ff2c737ab09b613b77be2dc00dc2f330f23d9dc02291517",
    "7297c29f829c58a59312a4994c75f3ebee6ac8a969cced1690f766c42ce8ceb9",
    "84bbdfb300745a27c02fc5848fc667f9025dd58f95eed8d311ccc1d3b6c920cd",
    "af65d732b674f37ebc7ffb20e04670bd233c6bd0997b7705222fbe0635fdbc4f",
    "c3acaa4871d73f2d5bb83ade886264d0601dcd1a71a06869ec471d12f02abcf1",
    "c7cb2ec3b5866a26ea3fe5f2c679aad42472ac781f4ce7890783b8a5aca1ace2",
    "f9878a32e4cf66c8d680a423e1b58fc080124f7e1ff1327b188e691127c2c7bc",
    "c77a3374c229ad13cb4db153a625a8b7aacec543657097a70362af43f58b7ef1",
}

L = {}

L["find_product"] = [
    "which aisle are the digestive biscuits in", "where would I find tahini", "crumpets?",
    "I'm after some self-raising flour, where's that kept", "where do you keep the nappies",
    "can't find the washing up liquid anywhere", "where's the paneer, with the cheese or in world foods?",
    "ghee and atta flour which side of the shop", "where is the kitchen roll", "loo roll aisle?",
    "bin bags where", "looking for cling film and tin foil", "where r the rawl plugs",
    "which aisle has wall anchors for plasterboard", "where do i find allen keys",
    "PTFE tape, is that in plumbing?", "where are the jump leads", "jumper cables where at",
    "where's the antifreeze", "windscreen wash where please", "where's the gochujang",
    "miso paste, which aisle", "Hi! where can I find vegemite", "hello, where is the Marmite kept",
    "Tim Tams?", "where are the crisps", "which aisle for Kraft Dinner",
    "I need maple syrup, the proper stuff, where is it", "where is the chemist counter",
    "where are the plasters, the sticky ones for cuts", "paracetamol where",
    "where can i find rehydration sachets", "nit shampoo, where would that be",
    "where are the compression socks", "the blood pressure monitors, where are they",
    "where is the kids shoe section", "where do you keep school uniforms", "which way to menswear",
    "jumpers and cardigans?", "where are the wellies", "my daughter needs bathers, where are the swimsuits",
    "where's the dog leads and harnesses", "poo bags where", "where is the clumping cat litter",
    "hay for rabbits where", "aquarium stuff?", "which aisle are the baby food pouches",
    "where can i get dummies, the baby kind", "teething gel where",
    "where do you have the prams and pushchairs", "micro sd cards where",
    "where are printer ink cartridges", "smart plugs which aisle", "where is stationery",
    "im lookin for the frozen peas", "pls where courgettes", "where i can find the basmati rice",
    "kindly tell where is the curry leaves", "where's the gluten free section", "halal meat where",
    "kosher aisle?", "the halloween costumes, where'd they go", "where did you move the cereal to, it used to be aisle 4",
    "sandpaper?", "wher is the tyre inflator", "grass seed and weed killer, where",
]

L["check_stock"] = [
    "do you stock Weetabix", "have you got any double cream left", "any crumpets in today?",
    "do you carry halloumi", "do you sell paneer", "is the PS5 controller in stock",
    "are there any Switch OLEDs in stock at this store", "size 4 nappies, the shelf is empty, any more?",
    "when are you getting more baby formula in", "the Tim Tams are sold out, any more in the back?",
    "do you sell cat flaps", "got any rock salt? it's icy out", "do you still carry unscented fabric softener",
    "will the snow shovels be restocked before the weekend", "is there more toilet roll in the stockroom",
    "do y'all have any space heaters left", "have you got CR2032 batteries", "do you keep hearing aid batteries",
    "any Galaxy S24 cases in stock", "you sell fire sticks?", "does this store carry Ribena",
    "do you have jaggery", "toor dal available?", "is the melatonin out of stock",
    "any pulse oximeters in stock", "do you have a forehead thermometer for babies",
    "do you sell bike locks", "is the weed killer back in stock", "are you out of potting compost",
    "when do you restock eggs", "have you any ring lights", "do u have school shoes in kids size 13",
    "is the navy jumper in the window available in medium", "have you got this in a bigger size",
    "do you have these trainers in a 9", "do you sell toques", "do you have ketchup chips",
    "do you sell butter tarts", "do you carry Dioralyte", "got any Gaviscon", "does the store have guinea pig bedding",
    "do you sell live fish", "is the 65 inch telly from the leaflet in stock",
    "can you check if there's an air fryer in the back", "app says low stock on the kettle, is there any left",
    "do other branches have the stand mixer in stock", "do you have breast pump spare parts",
    "do you sell muslin cloths", "got any flea collars", "any worming tablets for cats",
    "hello, do you have gluten free fish fingers", "do you carry the 5kg bag of basmati",
    "do you have lactose free cream cheese", "sold out of sunscreen again?", "when will the PlayStation restock",
    "restock date for the lego advent calendar?", "do you stock Bisto gravy granules",
    "is there any custard powder left", "havent you got any caster sugar",
]

L["check_price"] = [
    "how much are the crumpets", "what's the price of the Weetabix, big box", "how much is a tin of baked beans",
    "price of the paneer block?", "how much for a bag of crisps", "what do the Tim Tams cost",
    "how much is the ghee", "how much are nappies size 5", "price of the double cream",
    "how much does the Gaviscon cost", "what's paracetamol cost here", "how much are the plasters",
    "blood pressure monitor, how much", "price on the compression socks?", "how much is the melatonin",
    "what's the cost of the PS5 controller", "how much is the 55 inch telly", "price for a micro SD card 128gb",
    "how much are smart plugs", "what do printer ink cartridges go for", "how much is a bag of rock salt",
    "how much is a 20 litre bag of compost", "price of jump leads", "how much are the allen key sets",
    "what's the price of a tape measure", "how much are the wellies", "how much is this jumper, the tag's been ripped off",
    "there's no price on the school shoes", "no sticker on the cardigan, how much is it",
    "how much for the dog harness, medium", "price of poo bags", "what does a bale of rabbit hay cost",
    "how much is the cat flap", "how much are the baby food pouches", "price of the pram in the window",
    "how much for dummies", "how much is this with GST", "what's the price incl VAT",
    "does the price include tax", "how much is a kilo of bananas", "price per kg for the mince",
    "how much is the rotisserie chook", "scanner says 4.99 but the shelf says 3.99, which is it",
    "can you scan this for me, no barcode price", "how much r the courgettes", "wat is price for basmati 5kg",
    "kindly tell the cost of toor dal 1kg", "how much the jaggery", "how much is a dozen free range eggs",
    "price check on aisle 7 kettle", "how much would the whole bundle cost",
    "how much are the tyres for a 16 inch wheel", "hi, how much is the halloumi", "maple syrup price",
    "what do you charge for a bag of ice", "how much does a single battery cost, CR2032",
    "roughly what does a trolley full of basics cost here",
]

L["store_hours"] = [
    "what time do you shut tonight", "are you open on boxing day", "open on bank holiday monday?",
    "what are your hours over easter", "is the store open on Canada Day", "open Australia Day?",
    "are you open on Diwali", "what time does the chemist close", "deli counter hours",
    "when does the bakery open in the morning", "what time does the garden centre close",
    "hours for the optician", "does the pharmacy close for lunch", "how late is customer service open",
    "when does the returns desk close", "till what time is the collection counter staffed",
    "are you open 24 hours", "24/7?", "open late thursdays?", "what time do you open on sundays",
    "sunday trading hours", "are you closed on christmas day", "new years eve closing time",
    "is there a quiet hour for autistic shoppers", "what time is the sensory friendly hour",
    "senior hour what days", "open til when", "closing time?", "r u open rn",
    "how early can i come in tomorrow", "are you open on thanksgiving", "black friday opening time",
    "is the tyre centre open on saturdays", "what time does the cafe stop serving", "hours of the photo counter",
    "when does the key cutting kiosk close", "opening times for the weekend please", "are you open on remembrance day",
    "victoria day hours", "do you close early on christmas eve", "what are the hours on the 4th of july",
    "is the store open on Labour Day", "what time does alcohol sales stop", "when does the pharmacy drive-thru open",
    "hours today", "opening hours pls", "what time you people open tomorrow",
    "how long are you open tonight, I'm 20 min away", "are you closed on Eid", "is the garden center open in winter",
    "wat time u close", "hello, are you open on good friday", "does the butcher counter close before the store",
    "what time does the last checkout close", "are you open on the long weekend",
]

L["return_policy"] = [
    "can i bring back a jumper that doesn't fit", "how many days do I have to take something back",
    "I've lost the receipt, can I still return it", "do you accept returns on opened underwear",
    "can I return swimwear if the tags are still on", "does an e-receipt count as proof of purchase for returns",
    "i only have the e-receipt on my phone, is that enough to return this",
    "can I exchange this for a different colour", "can i swap these trainers for a half size up",
    "bought the wrong size nappies, can i exchange an unopened pack", "is there a restocking fee on returned electronics",
    "can I return a video game once the seal is broken", "i ordered online, can i return it to the store",
    "return something bought online in store?", "what's the christmas returns period",
    "will I get cash or store credit if I return this without a receipt", "do I get my money back on my card or as store credit",
    "can I return a plant that died after a week", "can I return medicine from the chemist",
    "do you take returns on fabric cut to length", "can I return a mattress after sleeping on it",
    "policy on returning sale items", "are clearance items final sale", "return period for TVs?",
    "the gift i got was from here, can I exchange it without a receipt",
    "can my son return it for me or do I need to be there", "do i need the original packaging to return",
    "can I return it to a different branch", "where do i take returns", "how do returns work here",
    "i changed my mind about the kettle, can i bring it back", "is 35 days too late to return",
    "do you need ID for returns", "can i return it without the card i paid with",
    "i paid cash, can i return it and get cash", "can i return a pushchair that's been used once",
    "cn i retrun this", "exchange policy?", "what is ur policy for returning opened makeup",
    "can i return a car seat", "is there a no-questions-asked return", "can i return mixed paint",
    "how do I return a click and collect order", "can i return shoes i wore outside once",
    "can i bring back unused tiles", "kindly tell the return policy for mobiles", "do returns need the box",
    "is the return window extended over christmas", "hiya, can I return something I bought a fortnight ago",
    "returns on bedding and pillows allowed?", "can i take back the leftover party stuff i didnt use",
    "is a gift receipt enough to swap something",
]

L["refund_status"] = [
    "returned a drill last tuesday, still no money back", "when will my refund show up on my card",
    "how long do refunds take to hit the account", "my refund for order SM-771204 hasn't come through",
    "it's been a fortnight and no refund", "I sent back a parcel two weeks ago, where's my money",
    "refund still pending, order 30918", "has my refund been processed",
    "the refund went to my old card that's been cancelled, what now",
    "i was told 3 to 5 working days for my refund, it's been 8", "where is the money for the pram i returned",
    "refund not received", "rfund status pls", "check my refund", "can you see if my refund went through",
    "my bank says there's no refund from you", "I returned the kettle but was only refunded half",
    "the refund is less than I paid", "email says refund issued but nothing on my statement",
    "when do i get money back for the cancelled order", "cancelled my online order, refund when?",
    "my paypal refund hasn't arrived", "the store credit from my return isn't showing on my account",
    "refund status for order 5521-883", "did my return get to the warehouse yet",
    "posted my return back, has it arrived and when will I be refunded",
    "the courier picked up my return on monday, any update on the refund", "how do i chase up a refund",
    "it's been 3 weeks waiting on my money back", "why hasn't my refund cleared", "still waiting for refnd from march",
    "the refund for my price adjustment hasn't come through", "i paid twice at the till and was told it'd be refunded, has it been",
    "can i get a reference number for my refund", "refund tracking", "is my refund on its way",
    "my mum returned something for me, has the refund gone to my card",
    "waiting on a refund for the recalled baby monitor", "what's happening with my refund, it's taking forever",
    "hi I returned shoes on the 3rd, status of refund please", "no refund yet for order 66120, sent back by post",
    "how long does a refund take to go back onto a debit card", "my refund shows as processing for ages",
    "got an email saying refund complete but bank shows nothing", "where's my refund money",
    "refund to my credit card still not there after 10 days", "they said the refund would be on my UPI, not received",
    "hello, any news on my refund for the faulty heater", "returned item at the desk on friday, refund still not back",
    "my refund went onto a gift card, did that happen?", "refund 3 weeks late, order 40122",
]

L["order_pickup"] = [
    "here for click and collect", "i've come to collect an online order", "where's the click & collect point",
    "BOPIS counter?", "i got a text saying my order's ready, what now", "parked in curbside bay number 4",
    "I'm in the car park for curbside, bay 2", "collecting for my husband, the order is in his name",
    "can someone else pick up my order", "my pickup code isn't scanning", "pickup locker won't open, code 448120",
    "which door for order collection", "how long do you hold a click and collect order",
    "my order was supposed to be ready at 2, it's 3", "is my order ready for pickup yet, 88123",
    "collect order SM-220991", "pickup for Patel", "I'm here to grab my online groceries",
    "drive up order, where do I wait", "what do i bring to collect an order, ID?",
    "i missed my collection slot, can i still get my order", "change my pickup time to tomorrow",
    "can i change my pickup store", "pick up order please", "order collection",
    "picking up a TV i bought online, where's the large item collection",
    "if I order now can i pick up today", "same day collection possible?", "is there a fee for click and collect",
    "my app says ready for pickup, where do i go", "curbside pls", "kerbside collection", "reserve and collect",
    "can i reserve online and pay when i collect", "the pickup counter is empty, nobody here",
    "i'm collecting the birthday cake i ordered online", "where is the pick up point for online orders",
    "staff said my order isn't ready but the app says it is", "here to collect my parcel from your website",
    "pickup order #5523901 for Nguyen", "what's the collection window for orders", "can i collect tonight after 8",
    "how do I tell you I've arrived for curbside", "I pressed I'm here in the app, how long will it be",
    "I chose pickup at the wrong shop, can it be moved here", "where's the pickup locker",
    "buy online pick up in store, how does it work", "ready for collection email, order ending 913",
    "g'day, here to pick up a click and collect", "can you bring my order out to the car, I've got the kids",
]

L["payment_methods"] = [
    "do you take contactless", "can i tap my card", "is there a limit on tap to pay",
    "do you accept Interac", "EFTPOS ok?", "do you take UPI", "can I pay with paytm or phonepe",
    "do you take google pay", "samsung pay works here?", "can I pay by cheque", "personal checks accepted?",
    "american express card ok", "can i split the bill between two cards", "half on card half cash",
    "is there a minimum spend for card", "do you charge a surcharge for credit cards",
    "can I get cashback at the till", "do you do layaway", "do you offer lay-by",
    "buy now pay later, do you take Afterpay", "klarna?", "can i pay monthly for a fridge",
    "0% finance on laptops?", "do you take EBT", "WIC accepted here?", "do you take SNAP at self checkout",
    "can I pay in euros", "do you accept US dollars", "do the self checkouts take notes",
    "can i pay with a fifty pound note", "do you accept 100 dollar bills", "can i pay with coins, got a jar of them",
    "does the till take cash?", "is this a cashless store", "can i pay with my phone", "does apple watch payment work here",
    "can i use my HSA card", "FSA card accepted for vitamins?", "can I pay with your store credit card",
    "can i use my store credit and put the rest on card", "can i pay in bitcoin", "can i pay by bank transfer for a big order",
    "do you take visa debit", "mastercard ok?", "card declined, is there another way to pay",
    "does the kiosk take cards", "chip and pin or tap only", "can i sign instead of using a pin",
    "will you accept a cheque over 100", "pay with rupay card possible?", "do u accept paypal in store",
    "can I pay with a Diners Club card",
]

L["gift_card"] = [
    "check balance on my gift card", "how much is left on my gift voucher",
    "gift voucher balance please, 6035 7711 2093 4455", "can i buy an e-gift card here",
    "which gift cards do you sell", "my gift card got declined at the till", "lost my gift card, can it be replaced",
    "the gift card I got for christmas says zero balance", "gift card not activated, cashier forgot",
    "how do i activate a gift card", "does the gift card expire", "can I top up a gift card",
    "can I reload my gift card with cash", "can i use two gift cards at once", "can i use my gift card online",
    "scratched the gift card PIN too hard, can't read it", "can i get cash for what's left on a gift card",
    "want to buy a 25 pound gift card for my nan", "bulk gift cards for staff christmas presents",
    "gift card ending 4471 balance", "is there a max amount for a gift card", "how to check gift card balanse",
    "giftcard bal?", "my e-gift card email never arrived", "the code on my digital gift card doesn't work",
    "can i move the balance from one gift card to another", "someone used my gift card, the balance is gone",
    "does a gift card work at all branches", "can I pay for a gift card with a credit card",
    "can i put a photo on a gift card", "gift card for a wedding present, what amounts can i choose",
    "got a gift token from my aunty, how do i use it", "is the gift card balance printed on the receipt",
    "can i return a gift card", "can I register my gift card so it's protected if lost",
    "how much is on my kid's birthday gift card", "check value of voucher 6011 4402 8813 9023",
    "gift card got wet and won't swipe", "can i add my gift card to apple wallet",
    "do gift cards have fees after a year", "where can i buy a gift card", "gift card not working at online checkout",
    "what's the balance on my store gift card pls", "hi there, I'd like to know my gift card balance", "egift balance",
    "giftcard stuck on pending activation", "cheers, and can you check a gift card for me",
    "gift card says invalid when i type the number", "can i use a gift card for the deposit on layaway",
    "my nan gave me a voucher card, is it still valid", "can i buy a gift card at the till or only online",
    "namaste, gift card balance check karna hai",
]

L["loyalty_program"] = [
    "how do i sign up for the rewards card", "is the loyalty card free to join", "how many points have I got",
    "points balance for member 4402 1188", "I forgot to scan my card, can I add the points after",
    "can i add points from last week's receipt", "my points didn't go on", "how do i redeem my points",
    "when do points expire", "what do i get at gold tier", "how do I get to the next tier",
    "what are member prices", "lost my rewards card, can I get a new one", "can I use my phone number instead of the card",
    "link my loyalty account to the app", "merge my rewards account with my wife's", "how many points per pound",
    "how many points per dollar spent", "do i get points on gift cards", "is there a birthday reward",
    "what are the perks of membership", "is there a paid membership with free delivery", "cancel my membership",
    "change the email on my rewards account", "my rewards vouchers didn't arrive this month",
    "member number 88213341, points?", "loyalty pts how many", "rewards card?",
    "can my kid have his own rewards account", "do I earn points at self checkout", "when's the next double points event",
    "can i donate my points to charity", "transfer points to my mum", "points missing from online order",
    "the rewards app says my account is locked", "reset pin for loyalty account",
    "I signed up today, when can I use the points", "how much are 500 points worth",
    "do you have a loyalty scheme", "is there a stamp card for the cafe", "i want to join the member thing the cashier mentioned",
    "why did my points go down", "do returns take away points", "sign me up for rewards",
    "do i need the card on me to earn points", "where do i see the members only offers",
    "my tier dropped from silver to basic, why", "use my points to pay for this", "is there a baby club i can join for points",
    "hello, my points balance pls", "how do i get the digital rewards card on my phone",
]

L["promotions"] = [
    "what's on offer this week", "where can i get the weekly circular", "is there a flyer for this week",
    "do you have the leaflet with the deals", "did the mailer coupons expire", "are the nappies on offer",
    "is the washing powder on sale", "any 3 for 2 deals", "buy one get one free on biscuits?", "meal deal?",
    "any multibuy on crisps", "clearance deals today?", "yellow sticker reductions what time",
    "when do you mark down the bakery stuff", "NHS discount?", "do you give a discount to nurses",
    "military discount for veterans?", "pensioner discount day", "is there a coupon for the baby formula",
    "can i use two coupons on one item", "do you take manufacturer coupons", "the coupon in the app won't apply",
    "rain check for the sold out sale item", "can I get a rain check on the turkey deal", "when's the next big sale",
    "boxing day sale start", "black friday deals on TVs", "is there a discount if I buy in bulk",
    "teacher discount for bulk classroom supplies", "any promo code for online", "first order discount code?",
    "is the advertised deal on laptops still on", "the shelf says half price, is that still on",
    "does the sale price apply to the grey one too", "what's on special", "specials this week?",
    "any deals on dog food", "cat food promo?", "back to school sale when", "is it 20% off everything today",
    "is there a sale on garden furniture", "end of season sale on jumpers?", "coupon for the pharmacy vitamins",
    "are air fryers reduced at the moment", "any gift with purchase on perfume", "bundle deal on the console and games?",
    "is there a discount for buying a case of wine", "discount for carers?", "can i stack the app offer with the paper coupon",
    "weekly ad for next week out yet", "diwali offers?", "any vouchers in the paper this week",
    "is the Weetabix part of the 2 for 5 deal", "hi, are there any discounts on nappies this week",
]

L["price_match"] = [
    "do you price match Aldi", "will you match Tesco's price on this kettle",
    "Walmart has this for $10 less, can you match it", "Target's got it cheaper online, match?",
    "the shop across the road sells it for a fiver less, will you do the same", "do you match prices from amazon.ca",
    "price match with Costco?", "I saw it cheaper at Best Buy, will you honour that",
    "can you beat the Home Depot price", "price beat guarantee?", "i bought this last week and now it's cheaper, can i get the difference back",
    "price adjustment on my TV, it dropped $50", "can I get a price adjustment on something i bought on sunday",
    "how long after buying can i get a price adjustment", "do you match your own website price in store",
    "the app shows a lower price than the shelf, will you match it", "do you match other stores' flyer prices",
    "I have the Lowe's ad, match it?", "do you price match Flipkart", "match Chemist Warehouse price?",
    "do you match prices from marketplace sellers", "price match on sale items?", "does price matching apply on black friday",
    "what do I need to show for a price match, screenshot?", "will you match a price on my phone screen",
    "can u do pricematch", "the other store has a coupon, will you match it", "do you match grocery prices from Safeway",
    "Kmart has the same fan for $29, can you do that", "Argos is cheaper, can you match",
    "Canadian Tire has it on sale, do you price match them", "do you refund the difference if the price goes down within 14 days",
    "my receipt shows I paid more than today's price, adjustment?", "bought a pram two days ago and it's now cheaper, difference back?",
    "price protection?", "do you have a lowest price guarantee", "i found it for less at the supermarket down the road, match?",
    "same item cheaper at Aldi, can i have it at their price", "what's your price match policy",
    "do you match prices on groceries or only electronics", "match Walmart on diapers?",
    "will you match a competitor's clearance price", "cheaper at Big W, match?", "do you price-match eBay",
    "can you match the price from your other branch", "price match limit per customer?",
    "Asda sells this for less, any chance you'll match", "if i find it cheaper somewhere else will you match it",
    "can you match 15% off from JB Hi-Fi", "hi do u guys do price matching", "Reliance Digital has it cheaper, price match possible?",
]

L["warranty_repair"] = [
    "my toaster only toasts one side now, bought it here in may",
    "the hoover I got here has stopped sucking, is it still under guarantee", "is the kettle still under guarantee, got it in january",
    "how long is the guarantee on a washing machine", "the zip on the coat I bought broke after a week",
    "my headphones only play in one ear, are they covered", "the pram wheel snapped off, we've had it two months",
    "protection plan claim for my laptop", "how do i claim on the extended warranty", "is accidental damage covered on my tablet plan",
    "dropped my phone, does the care plan cover a cracked screen", "what does the 3 year protection cover",
    "is the extended warranty worth it on a fridge", "the microwave sparks when i turn it on, bought it here",
    "my smart watch won't hold a charge, under warranty?", "the drill battery died after 2 months",
    "fridge freezer not cooling, bought 6 months ago", "dishwasher leaking, still covered?",
    "the TV has a line across the screen, got it last christmas", "waranty for my bike, gears keep slipping",
    "manufacturer says take it back to the shop, the blender's broken", "can you send my laptop off for repair under warranty",
    "how long will the repair on my phone take, sent it in last week", "status of my repair ticket 4412",
    "my repair's been gone 3 weeks", "do i need the box for a warranty claim",
    "lost my receipt but the mixer's still under warranty, can i claim", "the sole came off my boots after a month",
    "the heater I bought trips the fuse", "the lawnmower won't start and it's only one season old",
    "the baby monitor screen flickers, still under warranty?", "games console disc drive broken, covered?",
    "is water damage covered by the protection plan", "can i transfer the warranty to my son",
    "my sofa's frame cracked, does the guarantee cover that", "how do I register the warranty",
    "warranty card missing from the box", "my e-bike motor keeps cutting out, got it from you",
    "the hair straightener stopped heating up", "can i add a protection plan to something I bought last week",
    "do you replace or repair if it's under warranty", "vacuum battery not lasting, bought here last year",
    "kindle screen frozen, warranty?", "the car seat buckle broke, is that under guarantee",
    "what's the guarantee on the tyres you fitted", "the oven door glass shattered, bought 8 months ago",
    "camera shows lens error, bought from you", "brand new printer keeps jamming, is it covered",
    "the router I bought here drops the wifi every hour", "is there warranty on refurbished phones",
    "hi, the fan i bought here makes a grinding noise now", "my washing machine from you is leaking all over the kitchen floor",
]

L["store_facilities"] = [
    "where's the lift", "lift?", "trolleys", "where are the trolleys", "loo pls", "where are the toilets",
    "is there a disabled toilet", "accessible restroom?", "baby changing room where", "is there somewhere to breastfeed",
    "nursing room?", "can I bring my dog in", "are service dogs allowed", "do you have wheelchairs to borrow",
    "mobility scooter hire?", "is there a ramp at the side entrance", "where can i charge my phone",
    "phone charging station?", "water fountain where, i need to take a pill", "is there drinking water anywhere",
    "lost and found, I left my scarf here yesterday", "did anyone hand in a wallet", "somewhere to sit down? my mum's tired",
    "lockers for my bags?", "where is the cashpoint", "is there an atm inside", "car park free?",
    "how long can I park", "parent and child parking?", "disabled parking bays", "EV charger in the car park?",
    "bike rack?", "free wifi here?", "whats the wifi", "where are the fitting rooms", "changing rooms for clothes",
    "how many items can i take in the fitting room", "where's the exit", "fire exit?", "is there a cafe inside",
    "where's customer services", "where are the baskets", "small trolley for kids?", "trolley with a baby seat",
    "the trolley needs a coin and I don't have one", "escalator where", "is there a first aid room",
    "i feel faint, is there a place to sit", "where is the smoking area", "quiet room for my autistic son",
    "is there a prayer room", "where do i return the trolley", "are the toilets for customers or staff only",
    "restroom code?", "hearing loop at the tills?", "can i bring my cat in a carrier",
    "is there a height barrier in the car park", "pram parking?", "where can i fill my water bottle",
    "is there a bench outside", "can i leave my shopping bags at the front while i keep shopping",
    "wer is the washroom",
]

L["store_services"] = [
    "can you write happy birthday on a cake", "do you do personalised cakes with a photo",
    "can I order a sheet cake for saturday", "can the deli slice the ham thin", "do you slice bread at the bakery",
    "party platters for 30 people?", "can i print photos from my phone here", "passport photos?", "do you develop film",
    "key cutting?", "can you copy a car key fob", "do you engrave jewellery", "engrave a name on a trophy",
    "can you take up the hem on trousers", "alterations on a wedding dress?", "do you fit tyres",
    "puncture repair for a bike?", "bike service tune up", "can you fit a car battery", "do you fit wiper blades",
    "flu jab at the pharmacy?", "can i get my prescription filled here", "do you do repeat prescriptions",
    "covid booster walk in?", "free blood pressure check?", "can the pharmacist have a look at a rash",
    "do you do travel vaccinations", "do you take back old batteries", "where do i drop old electronics for recycling",
    "do you recycle plastic bags", "can i bring back empty ink cartridges for recycling", "do you take old paint tins",
    "watch battery change", "do you do shoe repair", "gift wrapping service", "will you assemble a bike for me",
    "do you build flat pack furniture for a fee", "TV wall mounting service", "can you install a dishwasher",
    "paint mixing, can you match this colour chip", "can you cut wood to size", "do you cut glass",
    "blinds cut to size?", "do you do phone screen repairs", "do you unlock phones", "SIM card activation here?",
    "can i post a parcel here", "money transfer service?", "can i pay my electricity bill at the counter",
    "propane bottle swap", "gas bottle refill?", "do you hire carpet cleaners", "ear piercing?", "eye test",
    "do you do hearing tests", "do you sharpen knives", "do you print documents", "do you fix zips",
    "can I get a cake with a picture of a car on it", "do you measure for school shoes",
]

L["delivery_options"] = [
    "do you deliver to Surrey Hills", "home delivery available?", "how much is delivery", "free delivery over how much",
    "can you deliver the fridge and take the old one away", "do you haul away my old washer when you deliver the new one",
    "will the delivery guys take the old mattress", "can the delivery team bring it up to the 4th floor, there's no lift",
    "next day delivery?", "same day delivery for groceries?", "delivery slots this weekend",
    "where's my delivery, it was meant to come at 10", "track my delivery order 552190", "the delivery driver hasn't turned up",
    "can i change the delivery address", "can the parcel be left with a neighbour", "do you ship overseas",
    "do you deliver to PO boxes", "international shipping to india?", "how long does shipping take to alaska",
    "do you deliver to rural Queensland", "express shipping cost", "is there a delivery saver pass",
    "can the delivery come in the evening", "two man delivery for a sofa", "do they carry it inside and unpack it",
    "delivery and installation of a washing machine", "can i book a delivery for the cot", "do you use Royal Mail or a courier",
    "deliverry fee for outside the city", "deliver groceries to my mum's address", "can i get this shipped to my house instead of carrying it",
    "does delivery include weekends", "what time window will the van come", "can i reschedule my delivery",
    "cancel my delivery", "who delivers, is it Instacart or you", "do you deliver alcohol", "delivery tracking number not working",
    "my parcel says delivered but it's not here", "will you deliver the christmas tree", "deliver a bulk order of water to my office",
    "is there a charge for delivering big items like beds", "delivery radius?", "is delivery contactless",
    "can the driver ring me when he's outside", "do you take the packaging away when you deliver",
    "shipping to the UK?", "can i order now and have it delivered tomorrow morning",
    "can you take away my old cooker when the new one's dropped off", "do you deliver in Bangalore",
    "hi, can I get the garden shed delivered", "delivery to a flat with stairs only, ok?",
]

L["complaint"] = [
    "I was shortchanged at till 5, she gave me a tenner instead of a twenty",
    "security accused me of stealing in front of everyone", "your security guard was rude and followed me round the shop",
    "the queue is massive and only two tills open", "why is there only one lane open on a saturday",
    "the milk I bought yesterday was already out of date", "found expired yogurt on the shelf",
    "the chicken smelled off when I opened it", "you sold me mouldy bread this morning",
    "the floor in aisle 3 is soaking wet, someone will slip", "the toilets are filthy", "no loo roll in the ladies",
    "I was overcharged for the bananas", "charged twice for the same item",
    "the shelf price and till price were different and the cashier wouldn't fix it",
    "self checkout keeps saying unexpected item, it's driving me mad", "a staff member swore at me",
    "the delivery driver threw my parcel over the fence", "nobody helps on the shop floor",
    "I waited 40 minutes at customer service", "the trolleys are all broken",
    "people without badges park in the disabled bays and nobody does anything", "worst service ever",
    "I want to make a complaint", "how do I file a complaint about the pharmacist",
    "the manager was dismissive when I raised an issue", "your staff ignored my son in his wheelchair",
    "the lift has been broken for weeks", "this store is always out of basics", "half the shelves are empty, it's a joke",
    "the eggs were cracked in the box", "there was glass in my salad", "the cashier was on her phone the whole time",
    "I got ID'd for paracetamol and I'm 45, ridiculous", "a staff member made a racist comment",
    "the store smells awful", "the trolley bay is full of rubbish", "my online order came with substitutions I didn't want",
    "my click and collect was 2 hours late", "they refused my return and were rude about it", "your prices are a rip off",
    "the deli guy didn't wear gloves", "the bakery sold me a stale loaf", "the baby changing room was disgusting",
    "I was told off for bringing my service dog", "the card machine took the money but the till said declined",
    "the automatic doors nearly hit my kid", "staff blocking aisles with cages at 10am",
    "the freezer section was warm and the ice cream was melted", "had to wait ages for someone to approve my beer at self checkout",
    "I'm disgusted with how I was treated today", "your price labels are misleading", "cashier short changed me by 5 pounds",
    "i want to complain about the manager on duty", "the security guy grabbed my bag without asking",
    "this is the third time the crisps were past their best before date",
]

L["human_agent"] = [
    "can I speak to someone please", "get me a member of staff", "need a staff member to unlock the razor cabinet",
    "someone to open the locked case for the perfume", "can someone help me lift a flat pack wardrobe into my car",
    "need help carrying a 25kg bag of dog food", "can a colleague come to aisle 12", "I'd like to speak to the duty manager",
    "supervisor please", "call a staff member to the self checkout, it's stuck", "self checkout needs an assistant for the age check",
    "real human pls", "stop, I want a human", "is there anyone working here", "can you page someone from electronics",
    "i need someone from the pharmacy team", "get the store manager", "assistance needed at till 4",
    "i need help reaching the top shelf", "someone who speaks Spanish please", "can i talk to someone in hindi",
    "I'm visually impaired, can a person help me shop", "can a staff member help load my car",
    "agent please", "speak to an employee", "I'd rather talk to a real person than a screen", "human",
    "could you call over a shop assistant", "where can i find an employee", "need a floor associate in garden",
    "is there a manager on shift", "send someone to help me with the paint machine", "can i have a word with someone about an order",
    "let me talk to staff", "bring a staff member over", "can a person come to the kiosk", "fetch the manager now",
    "someone to help me get a TV down from the top", "need a hand with the heavy bags", "assistance to my car please, i use a wheelchair",
    "can a team member unlock the phone cases", "need an associate to open the fitting room", "pharmacist please, I have a question about my prescription",
    "someone from bakery to the counter please", "is there someone I can ask in person", "pls send help to aisle 7",
    "get me someone who knows about laptops", "i need to speak with somebody, not a machine", "help desk person?",
    "excuse me can I get a shop assistant", "oi, can someone come help",
]

L["greeting"] = [
    "hiya", "g'day", "cheers", "cheers mate", "ta", "ta very much", "namaste", "good evening", "morning!",
    "evening all", "howdy", "hey there kiosk", "hello hello", "thanks a million", "brilliant, thanks", "that's all, bye",
    "see ya", "catch you later", "bye for now", "have a good one", "thank u so much", "thx a lot", "lovely, cheers",
    "perfect thank you", "ok great thanks bye", "you've been very helpful", "much appreciated", "how's it going",
    "how are you today", "alright?", "hey, how r u", "nice one", "sweet as, thanks", "hi, just browsing",
    "just looking thanks", "goodnight", "greetings", "sup", "hallo", "hey hey", "thank you kindly",
    "ok thanks that helps", "awesome, thanks!", "bye bye", "take care", "hi, first time here", "good day to you",
    "many thanks", "hello there", "thanks heaps", "top of the morning", "ciao", "thanks, you're a star",
]

L["out_of_scope"] = [
    # other businesses: their hours, prices, stock, ads, policies
    "what time does Walmart close tonight", "is Target open on christmas", "does Costco have the big tv on sale",
    "how much is petrol at Costco", "Safeway weekly ad", "is Home Depot hiring", "does Home Depot rent trucks",
    "Tesco opening hours", "Aldi special buys this week", "what's in the Aldi middle aisle this week",
    "when does the post office open", "where's the nearest post office", "is the bank open on saturday",
    "my bank app is down", "urgent care wait times", "is there an urgent care near here", "DMV hours",
    "how do i renew my license at the DMV", "where's the nearest McDonald's", "does the starbucks next door do mobile order",
    "Walgreens pharmacy phone number", "does CVS have covid tests in stock", "is Lidl cheaper than Aldi",
    "Kroger digital coupons", "my Sainsbury's nectar points balance", "Coles catalogue this week", "Loblaws flyer",
    "Big Bazaar offers today", "how much is a Costco membership", "is Walmart+ worth it", "is Best Buy open late",
    "how much are the IKEA meatballs", "track my amazon package", "what time does the library close",
    "gym near me", "is the chinese takeaway open", "does the hardware shop on main street cut keys",
    "what's Tesco's price for diesel", "Argos opening times", "Boots meal deal price", "Target circle rewards balance",
    "what's Walmart's return policy", "how do i get a refund on my Costco membership", "does the vet on elm street open weekends",
    "passport office hours", "barber near here", "Home Depot rain check policy", "is the petrol station next door 24 hours",
    "does Woolworths have Tim Tams on special", "Safeway pharmacy hours", "is Aldi open on boxing day",
    "how much is a big mac", "does Target have the switch in stock", "when does the bank close today",
    "Costco gas hours", "where's the nearest Tesco Express",
    # health and medication advice
    "can i take ibuprofen with my blood pressure tablets", "is it safe to mix paracetamol and alcohol",
    "how much calpol for a 2 year old", "can I take antihistamines while pregnant", "does grapefruit interact with statins",
    "what's a normal blood sugar level", "my chest hurts what should i do", "is this mole cancer",
    "best antibiotic for a sore throat", "how many melatonin can i take", "my baby has a fever of 39 is that bad",
    "can i give my dog paracetamol", "my kid swallowed a button battery", "is it ok to take vitamin d with my thyroid meds",
    "how long does covid last", "can I drink on antibiotics", "side effects of sertraline", "do i need stitches for this cut",
    "what's good for a hangover", "is my rash contagious", "can i double up on my pill if i missed one",
    "should i go to a&e", "what dose of ibuprofen for a toddler", "can i take cold and flu tablets with my antidepressants",
    # parking tickets and fines
    "how do i appeal a parking ticket", "got a parking charge notice from your car park, is it legit",
    "how much is a council parking fine", "got a speeding ticket how do i pay it", "who do I contact about my car being clamped",
    "can they fine me for overstaying 2 hours", "my car got towed where do i get it back", "parking fine appeal letter",
    "is a private parking fine legally enforceable",
    # insults to the kiosk
    "you're a stupid machine", "dumbest robot ever", "shut up kiosk", "this kiosk is useless", "screw you",
    "are you even smart", "i hate you", "you're worse than siri", "go away", "idiot computer", "you are so dumb lol",
    # general knowledge, maths, weather, sport, cooking
    "capital of australia", "how tall is the eiffel tower", "who won the world cup in 2018", "what is 17 times 23",
    "how many ounces in a pound", "convert 180 c to f", "who wrote pride and prejudice", "when was the battle of hastings",
    "how far away is the moon", "what's the speed of light", "why is the sky blue", "how do you spell necessary",
    "translate thank you into french", "how do you say toilet in german", "what's the population of canada",
    "how do magnets work", "who is the prime minister of india", "cricket score", "did the leafs win last night",
    "footy results", "when is the next full moon", "what date is easter next year", "what's the time in sydney",
    "how many calories in a banana", "recipe for banana bread", "how long do i boil an egg", "what wine goes with lamb",
    "help with my maths homework", "define photosynthesis", "weather tomorrow", "is it going to rain this arvo",
    "will it snow tonight in toronto", "who invented the telephone", "how many legs does a spider have",
    # chit-chat
    "are you a robot", "what's your name", "do you have feelings", "tell me a joke", "sing me a song", "are you single",
    "what's the meaning of life", "i'm bored", "who made you", "do you dream", "what's your favourite colour",
    "can we be friends", "do you like your job", "i had a rough day", "what did you think of the new star wars",
    "rock paper scissors", "how old are you", "do you ever sleep", "say something funny",
    # store-internal things a kiosk must not answer
    "how much do cashiers get paid here", "what's the alarm code", "what's the combination to the safe",
    "when does the armoured truck collect the cash", "how many staff are on tonight", "where do the staff park",
    "what's the manager's home address", "what discount do staff get", "how do i get the security tag off without paying",
    "which security cameras don't work", "what time does the night shift leave", "what's the password for the staff wifi",
    "how much profit does this store make", "how much does the CEO earn", "are you hiring", "who owns this company",
    "what time is the cash counted", "what's the stockroom door code", "can you turn off the cameras",
    "employee login for the rota",
    # phone commands, travel, legal, money, politics
    "set a timer for 10 minutes", "call my wife", "play some drake", "text mum I'm on my way",
    "book me a taxi to the airport", "order a pizza to my house", "flights to delhi next month", "train times to manchester",
    "bus 42 timetable", "should i buy shares in nvidia", "best mortgage rate right now", "how do I file for divorce",
    "my landlord won't give back my deposit", "can my boss fire me for being sick", "how to get a loan with bad credit",
    "write me an essay about climate change", "what's a 15% tip on 80", "who should i vote for",
    "when is the next election", "how do i hack my ex's instagram", "remind me to buy milk tomorrow",
    "what's my horoscope", "lottery numbers from last night", "how do i fix my boiler", "how do i unblock my kitchen sink",
    "where is the nearest hospital", "nearest train station", "how do i get to the airport from here",
    # more other businesses and chatty lines that sound like store questions
    "is the Tesco in town open till midnight", "does Aldi take credit cards", "does Costco sell Tim Tams",
    "what's on sale at Target this week", "Home Depot paint prices", "is the Walmart pharmacy open on sunday",
    "how much is a first class stamp at the post office", "can the bank across the road change my euros",
    "what time does the urgent care on 5th close", "does the DMV take walk ins", "is the Safeway on Oak St 24 hours",
    "what's cheaper, Lidl or Asda", "Kmart catalogue out yet", "is Bunnings open on anzac day",
    "what does the Shoppers Drug Mart flyer have", "does the dry cleaner next door do alterations",
    "which petrol station is cheapest near here", "how much does the car wash down the road charge",
    "how long is the wait at the walk in clinic", "is the Apple store in the mall open",
    "can you tell me a fun fact", "what's your opinion on pineapple pizza", "do you believe in ghosts",
    "my wife is annoying me", "who is the best footballer ever", "how do i get a girlfriend",
]

INTENTS = list(L)


def norm(t):
    t = re.sub(r"[^\w\s]", "", t.lower())
    return re.sub(r"\s+", " ", t).strip()


def digest(text):
    return hashlib.sha256(norm(text).encode("utf-8")).hexdigest()


def reserved():
    """Normalised validation lines (never shown): a training line must not repeat one."""
    keys = set()
    for path in VAL_FILES:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                keys |= {norm(json.loads(l)["text"]) for l in f if l.strip()}
    return keys


def main():
    owner = {}
    for intent in INTENTS:
        for t in L[intent]:
            k = norm(t)
            assert k, f"empty line in {intent}"
            assert owner.get(k, intent) == intent, f"line under two intents ({owner[k]}, {intent}): {t}"
            owner[k] = intent
    val_keys = reserved()
    seen = set()
    rows = []
    counts = {}
    dropped = {"duplicate": 0, "validation": 0, "test (excluded hash)": 0}
    for intent in INTENTS:
        for t in L[intent]:
            t = re.sub(r"\s+", " ", t).strip()
            k = norm(t)
            if k in seen:
                dropped["duplicate"] += 1
                continue
            seen.add(k)
            if k in val_keys:
                dropped["validation"] += 1
                continue
            if digest(t) in EXCLUDE_SHA256:
                dropped["test (excluded hash)"] += 1
                continue
            rows.append({"text": t, "intent": intent})
            counts[intent] = counts.get(intent, 0) + 1
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for intent in INTENTS:
        print(f"{intent:18s} written {len(L[intent]):4d}  kept {counts.get(intent, 0):4d}")
    print(f"total {len(rows)}; left out: " + ", ".join(f"{k} {v}" for k, v in dropped.items()))


if __name__ == "__main__":
    main()

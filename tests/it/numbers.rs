//! The number layer, data-driven.
//!
//! Each example marks every number the layer must find, and nothing else may be found:
//! `[[span|tag]]`, where the tag is `kind`, `kind=value` or `kind=value..to`, then optional
//! `;mod=at_least`, `;unit=km`, `;cur=USD`, `;iso=2019-12` fields. An example without marks
//! must give no numbers at all (the false positives news is full of).

use crate::common::{annotator, seed_article, unmark};
use newsmark::numbers::{Number, Numbers};
use std::sync::OnceLock;

fn numbers() -> &'static Numbers {
    static N: OnceLock<Numbers> = OnceLock::new();
    N.get_or_init(Numbers::new)
}

fn find(text: &str) -> Vec<Number> {
    let tokens = newsmark::tokens::tokenize(text);
    numbers().find(text, &tokens)
}

#[derive(Debug, Default)]
struct Want {
    kind: String,
    value: Option<f64>,
    to: Option<f64>,
    modifier: Option<String>,
    unit: Option<String>,
    currency: Option<String>,
    iso: Option<String>,
}

fn parse_tag(tag: &str) -> Want {
    let mut w = Want::default();
    let mut parts = tag.split(';');
    let head = parts.next().unwrap();
    match head.split_once('=') {
        Some((k, v)) => {
            w.kind = k.to_string();
            match v.split_once("..") {
                Some((a, b)) => {
                    w.value = Some(a.parse().expect("value"));
                    w.to = Some(b.parse().expect("to"));
                }
                None => w.value = Some(v.parse().expect("value")),
            }
        }
        None => w.kind = head.to_string(),
    }
    for p in parts {
        let (k, v) = p.split_once('=').expect("key=value");
        match k {
            "mod" => w.modifier = Some(v.to_string()),
            "unit" => w.unit = Some(v.to_string()),
            "cur" => w.currency = Some(v.to_string()),
            "iso" => w.iso = Some(v.to_string()),
            _ => panic!("unknown tag field {k}"),
        }
    }
    w
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Checks one marked example; returns a description of each mismatch.
fn check(marked: &str) -> Vec<String> {
    let (text, spans) = unmark(marked);
    let got = find(&text);
    let mut errs = Vec::new();
    let skipped = newsmark::numbers::start_gate_misses(&text);
    if !skipped.is_empty() {
        errs.push(format!("{marked:?}: the scan skips a token the grammar reads: {skipped:?}"));
    }
    let show = |n: &Number| format!("{:?} {} {:?}", n.span.of(&text), n.kind.as_str(), n.value);
    if got.len() != spans.len() {
        errs.push(format!(
            "{marked:?}: want {} numbers, got {:?}",
            spans.len(),
            got.iter().map(show).collect::<Vec<_>>()
        ));
        return errs;
    }
    for ((range, tag), n) in spans.iter().zip(&got) {
        let want = parse_tag(tag);
        let got_text = n.span.of(&text);
        let want_text = &text[range.clone()];
        let mut bad = Vec::new();
        if got_text != want_text {
            bad.push(format!("span {got_text:?} != {want_text:?}"));
        }
        if n.kind.as_str() != want.kind {
            bad.push(format!("kind {} != {}", n.kind.as_str(), want.kind));
        }
        match (want.value, n.value) {
            (Some(a), Some(b)) if close(a, b) => {}
            (None, None) => {}
            (a, b) => bad.push(format!("value {b:?} != {a:?}")),
        }
        // the wire contract: dates and times carry no value and no bound (durations and ages,
        // newsmark/2, carry their count)
        if matches!(want.kind.as_str(), "date" | "time") && (n.value.is_some() || n.to.is_some()) {
            bad.push(format!("a {} with value {:?} to {:?}", want.kind, n.value, n.to));
        }
        if let Some(to) = want.to {
            if !n.to.is_some_and(|t| close(t, to)) {
                bad.push(format!("to {:?} != {to}", n.to));
            }
        }
        if want.modifier.as_deref() != n.modifier.map(|m| m.as_str()) && want.modifier.is_some() {
            bad.push(format!("modifier {:?} != {:?}", n.modifier.map(|m| m.as_str()), want.modifier));
        }
        if want.unit.is_some() && want.unit.as_deref() != n.unit {
            bad.push(format!("unit {:?} != {:?}", n.unit, want.unit));
        }
        if want.currency.is_some() && want.currency.as_deref() != n.currency {
            bad.push(format!("currency {:?} != {:?}", n.currency, want.currency));
        }
        if want.iso.is_some() && want.iso != n.iso {
            bad.push(format!("iso {:?} != {:?}", n.iso, want.iso));
        }
        if !bad.is_empty() {
            errs.push(format!("{marked:?}: {}", bad.join("; ")));
        }
    }
    errs
}

fn run(cases: &[&str]) {
    let errs: Vec<String> = cases.iter().flat_map(|c| check(c)).collect();
    assert!(errs.is_empty(), "{} of {} examples failed:\n{}", errs.len(), cases.len(), errs.join("\n"));
}

/// Cardinals in digits and in words, with scales, fractions and approximations ("3.6 million",
/// "thirty-odd", "two dozens").
#[test]
fn cardinals() {
    run(&[
        "[[948,000|cardinal=948000]] people",
        "a rate of [[1.5|cardinal=1.5]]",
        "[[3.6 million|cardinal=3600000]] Syrians",
        "[[45.2bn|cardinal=45200000000]] in sales",
        "[[5 thousand|cardinal=5000]] marchers",
        "[[1/2|cardinal=0.5]] of them",
        "[[98 4/32|cardinal=98.125]] points",
        "[[-3200000|cardinal=-3200000]]",
        "It was [[192|cardinal=192]].",
        "[[12k|cardinal=12000]] runners",
        "[[Thirty|cardinal=30]] Turkish soldiers",
        "[[forty-eight|cardinal=48]] soldiers",
        "[[one hundred and twenty|cardinal=120]] villages",
        "[[a dozen|cardinal=12]] eggs",
        "[[half a million|cardinal=500000]] children",
        "[[one and a half thousand|cardinal=1500]] homes",
        "[[five point three three thousand|cardinal=5330]] fans",
        "[[three quarters|cardinal=0.75]] of voters",
        "[[two thirds|cardinal=0.6666666666666666]] of members",
        "[[sixteen|cardinal=16]]",
        "[[two Hundred thousand|cardinal=200000]]",
        "[[minus five|cardinal=-5]]",
        "[[hundreds|cardinal]] of people",
        "[[tens of thousands|cardinal]] marched",
        "[[three crore twelve lakh fifty-six thousand seven hundred twenty-one|cardinal=31256721]]",
        "[[3.6m|cardinal=3600000]] people",
        "[[a million and a half|cardinal=1500000]] people",
        "[[one hundred and three quarters|cardinal=100.75]]",
        "[[40 000|cardinal=40000]] fans",
        "[[40\u{202f}000|cardinal=40000]] fans",
        "[[.77|cardinal=0.77]]",
        "[[1\u{202f}234\u{202f}567.89|cardinal=1234567.89]]",
        "[[12,34,567.89|cardinal=1234567.89]]",
        "[[3 million and a quarter|cardinal=3250000]]",
        "is [[⅙|cardinal=0.16666666666666666]] and [[½|cardinal=0.5]]",
        // scientific notation and spoken fractions
        "[[12.32e+14|cardinal=1232000000000000]], [[-12e-1|cardinal=-1.2]]",
        "[[1.3x10^6|cardinal=1300000]] and [[6.23x10^-4|cardinal=0.000623]]",
        "[[one over three|cardinal=0.3333333333333333]]",
        "is [[negative one over 20|cardinal=-0.05]]",
        "[[one out of three|cardinal=0.3333333333333333]]",
        // vague scaled amounts: no value
        "[[several thousand|cardinal]] plaintiffs, [[several billion dollars|money;cur=USD]]",
        "[[a few million|cardinal]] viewers",
        "the No. [[1|cardinal=1]] car maker",
        "he said \"I counted [[9|cardinal=9]]\" and left",
        "[[A baker's dozen|cardinal=13]] is",
        "[[half|cardinal=0.5]] of them",
        "[[an additional 150|cardinal=150]] jobs",
        // groups of a spelled-out number after a comma or "&"
        "[[three million, two hundred & forty|cardinal=3000240]], you say?",
        "sold [[one million|cardinal=1000000]], [[seven|cardinal=7]] of them new",
        "[[three million|cardinal=3000000]], [[two million|cardinal=2000000]] in Asia",
        // twelve dozen
        "whilst [[a gross|cardinal=144]] is [[144|cardinal=144]] ([[a square dozen|cardinal=144]])",
        // scales
        "either [[10 bln|cardinal=10000000000]] or [[10 tln|cardinal=10000000000000]]",
        // a fraction with a hyphenated denominator, not an ordinal of a century
        "[[a twenty-first|cardinal=0.047619047619047616]] of it",
        // more groups in digits and scale words
        "[[4 thousand 3 hundred|cardinal=4300]] are valid",
        "the vote was [[5|cardinal=5]] to [[4|cardinal=4]]",
        // hyphenated denominators bind to their tens word
        "[[two and fifty-four hundredths|cardinal=2.54]]",
        "[[one hundred thirty-fifths|cardinal=2.857142857142857]]",
        "[[two thirty-fifths|cardinal=0.05714285714285714]] of it",
        "[[twenty-two thirds|cardinal=7.333333333333333]]",
        // half a scale without "a", hyphenated "and a half"
        "for [[a half million|cardinal=500000]] homes",
        "when I was [[two-and-a-half|cardinal=2.5]], I",
        "down to [[1/70th|cardinal=0.014285714285714285]] of the rate",
        "[[30 lkh|cardinal=3000000]]",
        "pulled off [[another million|cardinal=1000000]] before lunch",
        "a [[4|cardinal=4]]:[[3|cardinal=3]] aspect ratio",
        "part [[24703|cardinal=24703]] L-202",
        "[[five|cardinal=5]] to [[ten|cardinal=10]] people",
        // a scale word before "in" is no inch ("443 million in" read as 443 million inches)
        "[[443 million|cardinal=443000000]] in losses",
        "[[443 million|cardinal=443000000]] in aid",
        "[[one|cardinal=1]] man",
        // a spaced "k" or "M" closing the phrase
        "The count reached [[2.33 k|cardinal=2330]].",
        "Assets: [[1,674,200.5 M|cardinal=1674200500000]]",
        // dozens after a counted number; "three hundred and two dozen" = 300 + 24
        "The farm shipped [[five dozs|cardinal=60]]",
        "They baked [[two dozens|cardinal=24]] of rolls",
        "The order was [[three hundred and two dozens|cardinal=324]]",
        // a quarter of the smaller scale
        "The bill came to [[one billion and a quarter million|cardinal=1000250000]]",
        // "naught" only before a decimal point; "point eleven"
        "The rate fell to [[naught point five|cardinal=0.5]]",
        "The index gained [[nought point eleven|cardinal=0.11]]",
        "we are giving away [[3|cardinal=3]] [[USD50|money=50;cur=USD]] cards",
        "In Paris, [[45|cardinal=45]] people attended.",
        "The company sells [[900|cardinal=900]] products.",
        "[[25|cardinal=25]] units a year",
        "The index fell [[250|cardinal=250]] points in [[a day|duration=1;unit=day;iso=P1D]].",
        "[[3/4|cardinal=0.75]] at most",
        "The tax rose by [[1/3|cardinal=0.3333333333333333]].",
        "It will cost [[many thousands|cardinal]] of jobs.",
        "They work at [[three|cardinal=3]] night markets.",
        "In some countries you write [[5.00|cardinal=5]] or [[5,00|cardinal=5]].",
        "[[1,500|cardinal=1500]] people and [[25,000|cardinal=25000]] more",
        "I count [[6 crore and two hundred|cardinal=60000200]]",
        "[[3 million and two hundred thousand|cardinal=3200000]] people voted",
        "[[5 million|cardinal=5000000]] and [[three|cardinal=3]] of them",
        "The estimate was [[10|cardinal=10]] est.",
        "[[three quarters|cardinal=0.75]] of the members agreed",
        "[[two quarters|cardinal=0.5]] of the pie",
        "The firm sold [[300|cardinal=300]] AD Systems units.",
        "The index rose [[88.12|cardinal=88.12]] to [[2657.38|cardinal=2657.38]].",
    ]);
}

/// Ordinals ("second", "21st").
#[test]
fn ordinals() {
    run(&[
        "the [[27th|ordinal=27]] time",
        "the [[first|ordinal=1]] round",
        "the [[twenty-first|ordinal=21]] attempt",
        "finished [[2nd|ordinal=2]]",
        "[[one hundred twenty fifth|ordinal=125]]",
        "on the [[5th|ordinal=5]] floor",
        "[[Firstly|ordinal=1]], to exchange views. [[Secondly|ordinal=2]], the",
        "the [[4th|ordinal=4]] floor",
        "a [[second|ordinal=2]] round",
        "It was their [[first|ordinal=1]] win.",
        "If you read the [[first|ordinal=1]] [[three-quarters|cardinal=0.75]] of his report, it seems fine.",
    ]);
}

/// Percentages and percentage points ("6.40%", "0.25 percentage point").
#[test]
fn percentages() {
    run(&[
        "up [[12%|percent=12]]",
        "up [[12 per cent|percent=12]]",
        "up [[12 percent|percent=12]]",
        "by [[0.5 percentage points|percent=0.5]]",
        "[[7%|percent=7]] or [[8%|percent=8]]",
        "[[only 15%|percent=15]] of",
        "the [[0.25 percentage point|percent=0.25]] cut",
        "from [[6.40%|percent=6.4]] in [[1991|date]] to [[7.458%|percent=7.458]]",
        "to [[50%|percent=50]] [[the following Oct. 1|date]].",
        "The US imposed [[25pc|percent=25]] tariffs.",
        "Plans rose to [[3.3%|percent=3.3]] from [[3.1%|percent=3.1]] in [[the two recent months|date]].",
    ]);
}

/// Money: currency symbols, codes and words, cents ("$5", "USD50", "30 cents").
#[test]
fn money() {
    run(&[
        "[[$45.2 billion|money=45200000000;cur=USD]] deal",
        "[[$1.2tn|money=1200000000000;cur=USD]] stimulus",
        "[[US$ 4.7 billion|money=4700000000;cur=USD]]",
        "[[€20|money=20;cur=EUR]] fine",
        "[[£2,000|money=2000;cur=GBP]] each",
        "[[¥500|money=500;cur=JPY]]",
        "[[20 million pounds|money=20000000;cur=GBP]]",
        "[[50 euros|money=50;cur=EUR]]",
        "[[500 million yuan|money=500000000;cur=CNY]]",
        "[[10,000 rupees|money=10000;cur=INR]]",
        "[[EUR 20.0|money=20;cur=EUR]]",
        "[[42 USD|money=42;cur=USD]]",
        "[[$45m|money=45000000]] fee",
        "[[132.6 million Irish punts|money=132600000;cur=IEP]]",
        "[[30 cents|money=30]] a share",
        "[[billions of dollars|money]] in aid",
        "[[€3mn|money=3000000;cur=EUR]] fine",
        "[[Rs 500 crore|money=5000000000;cur=INR]]",
        "[[₹20 lakh|money=2000000;cur=INR]]",
        "[[HK$5,000|money=5000;cur=HKD]]",
        "[[42 KWD|money=42;cur=KWD]]",
        "[[420 million Finnish markka|money=420000000;cur=FIM]]",
        "[[ten rials|money=10;cur=IRR]]",
        "[[10$|money=10;cur=USD]] only",
        "a [[$300 million|money=300000000;cur=USD]]-a-year business",
        "[[20 €|money=20;cur=EUR]] only",
        "[[GBP3.01|money=3.01;cur=GBP]]",
        "[[3 dollars 50 cents|money=3.5;cur=USD]]",
        "[[$20 and 43c|money=20.43]]",
        "a [[90-cent|money=90]] rise",
        "earn [[$2000|money=2000]] over [[3 years|duration=3;unit=year;iso=P3Y]]",
        "a [[multibillion-dollar|money;cur=USD]] dam",
        // a change then the new level is two numbers, a range is one
        "a gain of [[0.54 cent|money=0.54;unit=¢]] to [[14.26 cents|money=14.26;unit=¢]]",
        "gold rose [[$4|money=4]] to [[$367.30|money=367.3]] an ounce",
        // currencies
        "Supply limit: [[₿21,000,000|money=21000000;cur=XBT]]",
        "starts at [[dollar 22.5 million|money=22500000;cur=USD]].",
        "They lost [[75 USD million|money=75000000;cur=USD]] in Asia.",
        // "exactly" belongs to the span (as "only"), with no modifier
        "it costs [[exactly 42 bucks|money=42;cur=USD]]",
        "[[Another half million quid|money=500000;cur=GBP]] went",
        // currency compounds and names
        "a [[100 million-mark|money=100000000;cur=DEM]] venture",
        "reached [[10.7 billion Finland Marks|money=10700000000;cur=FIM]]",
        "[[10,000,000 New Taiwan Dollars|money=10000000;cur=TWD]]",
        "[[millions of drachmas|money;cur=GRD]] were",
        "[[3.14US$|money=3.14;cur=USD]]",
        "with a [[US$35,000|money=35000;cur=USD]] payment",
        "becoming some [[billion-dollar|money=1000000000;cur=USD]] morass",
        "[[$5|money=5]] an hour",
        // millions of a currency, and a code glued to its digits
        "grants totalling [[twenty MUSD|money=20000000;cur=USD]]",
        "revenue of [[MAUD 60|money=60000000;cur=AUD]]",
        // a vague amount in millions of pounds is sterling
        "banks stand to lose [[several hundred million pounds|money;cur=GBP]] if it is upheld",
        "They spent [[many millions of dollars|money;cur=USD]] on it.",
        "The beer costs [[3,50 euros|money=3.5;cur=EUR]] there.",
        "The fee is [[just one yen|money=1;cur=JPY]].",
        "It will cost [[several billions of dollars|money;cur=USD]].",
        "The deal values the firm at [[450p|money=450;unit=p;cur=GBP]] a share.",
        "A pint costs [[99p|money=99;unit=p;cur=GBP]].",
        "The price per barrel rose from [[$70|money=70;cur=USD]] to [[$90|money=90;cur=USD]] in [[six months|duration=6;unit=month;iso=P6M]].",
        "A 7-Eleven store sold the [[$1.5 billion|money=1500000000;cur=USD]] ticket.",
    ]);
}

/// Quantities with units, glued or spaced, and compound measures ("5 km", "7 feet 10 inches").
#[test]
fn quantities() {
    run(&[
        "[[5 km|quantity=5;unit=km]] away",
        "[[930,000 mi|quantity=930000;unit=mi]]",
        "[[150,000 tons|quantity=150000;unit=t]] of grain",
        "[[2.5 kg|quantity=2.5;unit=kg]]",
        "[[50 million barrels|quantity=50000000;unit=bbl]]",
        "[[37°C|quantity=37;unit=°C]]",
        "[[100.2 degrees fahrenheit|quantity=100.2;unit=°F]]",
        "[[600 hectares|quantity=600;unit=ha]]",
        "[[40 acres|quantity=40;unit=acre]]",
        "[[700 miles|quantity=700;unit=mi]]",
        "[[5 tonnes|quantity=5;unit=t]]",
        "[[-5C|quantity=-5;unit=°C]]",
        "[[70 mph|quantity=70;unit=mph]]",
        "[[120 km/h|quantity=120;unit=km/h]]",
        "[[1.8 million square feet|quantity=1800000;unit=sq ft]]",
        "[[29km|quantity=29;unit=km]] road",
        "a [[2.5-mile|quantity=2.5;unit=mi]] stretch",
        "[[minus 321 degrees Fahrenheit|quantity=-321;unit=°F]]",
        "[[2 1/2 in|quantity=2.5;unit=in]].",
        "the [[100m|quantity=100;unit=m]] sprint",
        "[[1.8m|quantity=1.8;unit=m]] tall",
        "[[16.25 nanometers|quantity=16.25;unit=nm]]",
        // compound measures: the value in the last unit
        "he is [[5 ft 2 in|quantity=62;unit=in]]",
        "he is [[6' 2\"|quantity=74;unit=in]] tall",
        "[[7 feet and 10 inches|quantity=94;unit=in]]",
        "[[6 feet, 7 inches|quantity=79;unit=in]] tall",
        "[[10 kms, 8 meters, 6 cm|quantity=1000806;unit=cm]]",
        "[[3m and 5cm|quantity=305;unit=cm]]",
        "rose [[2 feet|quantity=2;unit=ft]], then [[30 inches|quantity=30;unit=in]]",
        "[[-10C|quantity=-10;unit=°C]]",
        "a [[9\"|quantity=9;unit=in]] plate",
        "[[301,338 km2|quantity=301338;unit=km²]]",
        "[[2,000.45±0.01 pounds|quantity=2000.45;unit=lb]]",
        "at [[absolute zero|quantity=0;unit=K]]",
        "[[One gigaannum|quantity=1;unit=Ga]] ([[1Ga|quantity=1;unit=Ga]])",
        "[[45 Js|quantity=45;unit=J·s]]",
        "oscillates at [[4e14 s-1|quantity=400000000000000;unit=s⁻¹]]",
        "[[24703m2|quantity=24703;unit=m²]]",
        "[[½ teaspoon|quantity=0.5;unit=tsp]] baking powder",
        // a foot mark after an apostrophe earlier on the line
        "Hubble's cameras are sharp across a [[2½'|quantity=2.5;unit=ft]] field",
        "a [[5 km|quantity=5;unit=km]] run",
        // a unit symbol in brackets; a spaced minus before a temperature
        "The weight is [[20 (kg)|quantity=20;unit=kg]]",
        "how to convert [[- 20 degrees fahrenheit|quantity=-20;unit=°F]] to celsius",
        "Temperatures will reach [[38C|quantity=38;unit=°C]] ([[100F|quantity=100;unit=°F]]) on [[Friday|date]].",
        "a room [[20 feet|quantity=20;unit=ft]] wide",
        "The tanker carried [[2m barrels|quantity=2000000;unit=bbl]] of crude.",
        "He is [[2m|quantity=2;unit=m]] tall.",
    ]);
}

/// Hedges inside the span, named in `modifier` ("at least 33", "some 3.6 million").
#[test]
fn hedges() {
    run(&[
        "[[about 8%|percent=8;mod=about]] of",
        "[[more than 7%|percent=7;mod=more_than]]",
        "[[up to $5 billion|money=5000000000;mod=up_to]]",
        "[[nearly 300 kilometers|quantity=300;unit=km;mod=nearly]]",
        "[[At least 33|cardinal=33;mod=at_least]] soldiers",
        "[[more than 400|cardinal=400;mod=more_than]] civilians",
        "[[some 3.6 million|cardinal=3600000;mod=about]] Syrians",
        "[[nearly 2,000|cardinal=2000;mod=nearly]] homes",
        "[[fewer than 50|cardinal=50;mod=less_than]] seats",
        "[[over 40 million tons|quantity=40000000;mod=over;unit=t]]",
        "[[almost $20|money=20;mod=nearly]]",
        "its index inched up to [[47.6%|percent=47.6]] in [[October|date]]; [[up to $5 billion|money=5000000000;mod=up_to]]",
        "[[as much as 5%|percent=5;mod=up_to]]",
        "[[about 7:30 p.m.|time;mod=about]]",
        "punishable by [[up to 10 years|duration=10;mod=up_to;unit=year;iso=P10Y]] in prison",
        "[[nearly a third|cardinal=0.3333333333333333;mod=nearly]] of",
        // geological time, joule-seconds, inverse seconds, units after an exponent
        "[[approximately 66 Ma|quantity=66;unit=Ma;mod=about]] ago",
        // "-plus" after an amount
        "the [[49,000-plus|cardinal=49000;mod=more_than]] seats",
        "[[some 20 billion-plus dollars|money=20000000000;cur=USD;mod=about]] authorized",
        // a hedged "X to Y" is one range; a bare one is a score or a change
        "for [[an estimated 10,000 to 15,000|cardinal=10000..15000;mod=about]] farmers",
        "[[an estimated two to three hundred|cardinal=200..300;mod=about]] vehicles",
        "from [[less than 100|cardinal=100;mod=less_than]] to [[426|cardinal=426]]",
        "a peak of [[over three-and-a-half million|cardinal=3500000;mod=over]] at",
        "I'll be back [[noonish|time;iso=T12:00;mod=about]]",
        // the period of a rate after a count is no date
        "The paper sells [[more than 300,000|cardinal=300000;mod=more_than]] copies a day.",
        "See you [[tomorrow|date]] [[afternoonish|time;mod=about]]",
        "[[forty-odd|cardinal=40;mod=about]] people came",
        "It opened [[some 30-odd years ago|date;mod=about]].",
        "It fell [[just under 5%|percent=5;mod=under]].",
        "[[over 2000|cardinal=2000;mod=over]] protesters marched",
        "The temple dates from [[around 500 B.C.|date;mod=about]]",
        "[[Some 5m|cardinal=5000000;mod=about]] people watched.",
        "The share is [[as high as three-quarters|cardinal=0.75;mod=up_to]] in Missouri.",
        "They work [[more than 40 hours|duration=40;mod=more_than;unit=hour;iso=PT40H]] during [[a week|duration=1;unit=week;iso=P1W]].",
    ]);
}

/// Ranges (`value` the lower bound, `to` the upper) and the pairs that are no range ("10-20%",
/// "rose $4 to $367.30").
#[test]
fn ranges_and_pairs() {
    run(&[
        "[[10-20%|percent=10..20]] of",
        "[[8 1/2% to 8 3/4%|percent=8.5..8.75]]",
        "[[$30 to $40|money=30..40;cur=USD]] a bottle",
        "[[between 10 and 20|cardinal=10..20]] people",
        "the [[2012–13|date;iso=2012/2013]] season",
        "an [[8- to 16-meter|quantity=8..16;unit=m]] mirror",
        "[[1953 to 1955|date;iso=1953/1955]]",
        // a range of days and a relative year
        "closed [[Oct. 14 to Dec. 31|date;iso=--10-14/--12-31]].",
        "wines ranged from [[$40 to $125|money=40..125]] a bottle",
        "a return of [[1% to 2%|percent=1..2]]",
        "from [[13th to 15th July|date;iso=--07-13/--07-15]]",
        "[[13-15 July 2014|date;iso=2014-07-13/2014-07-15]]",
        "[[July 13 thru 15|date;iso=--07-13/--07-15]]",
        "rose [[3-4|cardinal=3..4]] and scored [[3|cardinal=3]] to [[2 July|date]]",
        "on [[26 june to 28 june|date;iso=--06-26/--06-28]] in",
        "from [[June 26th of 2020 to June the 28th 2020|date;iso=2020-06-26/2020-06-28]]?",
        "in Korea [[Nov 18 2014-Dec 19 2015|date;iso=2014-11-18/2015-12-19]]",
        "from [[August 5th to 9th, 1995|date;iso=1995-08-05/1995-08-09]].",
        // year ranges
        "The range is [[between 2014~2018|date;iso=2014/2018]].",
        "rose [[between 1990-1995|date;iso=1990/1995]] sharply",
        "Where were you [[between 0730-0930|time;iso=T07:30/T09:30]]?",
        "The polls are open [[between 10 and 11:30|time;iso=T10:00/T11:30]]",
        "The shop closed [[between 3 and 8am|time;iso=T03:00/T08:00]]",
        "How about [[between 9 to 10:30|time;iso=T09:00/T10:30]]",
        "The exhibition runs [[the 13th to the 15th July|date;iso=--07-13/--07-15]].",
        "[[between 1983 and 1987|date;iso=1983/1987]] ([[the most recent year|date]] available)",
        "Voters rejected it [[59%|percent=59]] to [[41%|percent=41]].",
        "EURODOLLARS: [[8 3/4%|percent=8.75]] to [[8 5/8%|percent=8.625]] [[one month|duration=1;unit=month;iso=P1M]]",
        "Rates of [[2.9% to 3.7%|percent=2.9..3.7]] were seen",
        "bills of [[$10,000 to $1 million|money=10000..1000000;cur=USD]]",
        "costs of [[$1 to $2 million|money=1000000..2000000;cur=USD]]",
        "costs of [[$500 to $600 million|money=500000000..600000000;cur=USD]]",
        "The summit runs [[Nov-Feb 2017|date;iso=2016-11/2017-02]]",
        "It costs [[$70 to $90|money=70..90;cur=USD]] a night.",
        "Bonds were down [[24/32 to 30/32|cardinal=0.75..0.9375]] point.",
        "Clinton would beat Trump [[46|percent=46]] to [[40 percent|percent=40]] in a general election.",
        "Rubio's Same Old [[25-Second|duration=25;unit=second;iso=PT25S]] Speech",
    ]);
}

/// Dates: calendar dates with their `iso`, relative dates, periods and durations ("Feb. 29, 2020",
/// "last year", "three months").
#[test]
fn dates() {
    run(&[
        "[[5 to 44 days|duration=5..44;unit=day]]",
        "on [[Thursday|date]] ([[February 27th|date;iso=--02-27]])",
        "since [[December 2019|date;iso=2019-12]]",
        "the night of [[Thursday to Friday|date]]",
        "in [[2016|date;iso=2016]] with",
        "on [[27/02/2020|date;iso=2020-02-27]]",
        "on [[2020-02-27|date;iso=2020-02-27]]",
        "[[Dec. 27, 2019|date;iso=2019-12-27]]",
        "in [[the 1990s|date]] and",
        "[[last year|date]]",
        "[[next month|date]]",
        "[[two years ago|date]]",
        "[[the past decade|date]]",
        "[[the third quarter|date]]",
        "[[61 years old|age=61;unit=year]]",
        // durations are dates or times: no value, no upper bound (the wire contract)
        "for [[three months|duration=3;unit=month;iso=P3M]]",
        "[[5 to 44 days|duration=5..44;unit=day]]",
        "[[yesterday|date]]",
        "in [[May|date]]",
        "[[mid-1980s|date]]",
        "[[three or four years|duration=3..4;unit=year]]",
        "for [[four straight years|duration=4;unit=year;iso=P4Y]]",
        "USX has [[15 working days|duration=15;unit=day;iso=P15D]] to contest; [[10 trading days|duration=10;unit=day;iso=P10D]]",
        "victims [[age 13|age=13;unit=year]] and younger",
        "[[the fourth of July of 1995|date;iso=1995-07-04]]",
        "[[this crop year|date]], [[the current crop year|date]], [[the crop year|date]]",
        "the guild's [[year-long|date]] threats",
        "in [[the past half year|date]], in [[the last half-hour|time]] of trading",
        "in [[the months ahead|date]] and in [[months ahead|date]]",
        "[[as early as next week|date]], [[as late as March 1989|date;iso=1989-03]]",
        "rising [[early in the day|date]]; [[early in 1991|date;iso=1991]]",
        "after spending [[only 2 1/2 years|duration=2.5;unit=year;iso=P2.5Y]] in college; [[another 90 days|duration=90;unit=day;iso=P90D]]",
        "over [[the past two years|date]]",
        "on [[June 5|date]] to [[10|cardinal=10]] people",
        "On [[March 21st of this year|date;iso=--03-21]], it",
        "From [[January to October this year|date]], exports",
        "before [[year-end|date]], by [[year end|date]] or [[year's end|date]]",
        "announced on [[the 31st|date]] that the UK",
        "The [[March|date]] contract rose and the [[May|date]] delivery fell",
        "the march of time; China Daily reports [[daily|date]] sales",
        "rode the tiger up [[all year|date]]; calls [[all night|time]] long; in [[the whole year|date]]",
        "[[January to October|date]]",
        "[[the 1989 model year|date]]",
        "[[the first nine months of 1989|date]]",
        "[[last year's|date]] total",
        "on [[Friday|date]]'s close",
        "[[the year 2000|date;iso=2000]]",
        "[[tomorrow 8:00am|date]]",
        "[[the first of March|date;iso=--03-01]]",
        "[[June 3 - 4|date]]",
        "[[annual|date]] report",
        "[[this past weekend|date]]",
        "[[Tuesday the 19th|date]]",
        "[[Fri, Jul 18|date;iso=--07-18]]",
        "[[2014-10|date;iso=2014-10]]",
        "[[3rd quarter|date]]",
        "[[New Year's Eve|date]]",
        "[[Black Friday|date]] sales",
        "[[the day after tomorrow|date]]",
        "set up on [[the 18th|date]].",
        "[[every Monday|date]]",
        "[[previous Monday|date]]",
        "[[Dec-2018|date;iso=2018-12]]",
        "[[05-Aug-2016|date;iso=2016-08-05]]",
        "on [[the first Monday of March|date]]",
        "[[the last week of July|date]]",
        "[[the first of march|date;iso=--03-01]]",
        "from [[the year-earlier period|date]]",
        "after [[9/11|date;iso=2001-09-11]] the",
        "[[the 20th century|date]]",
        "[['82|date]] vintage",
        "a [[twenty-first century|date]] economy",
        "in [[the 1990s|date;iso=199]]",
        // a date does not run over a line break
        "Xinhua News Agency, Beijing, [[December 26th|date;iso=--12-26]]\n[[This year|date]], the economies grew",
        // a determiner goes with what is possessed: "this [year]'s best ad"
        "won a Cleo award as this [[year|date]]'s best ad",
        "the market closed near the [[day|date]]'s low",
        "[[last year's|date]] results",
        // decades with an apostrophe
        "entering [[the 90's|date]], the aim",
        "growth in [[the 1980's|date]] was fast",
        // "following" alone is the preposition
        "dried up following [[June 4|date;iso=--06-04]]",
        "down following [[Friday|date]]'s plunge",
        "any arrangement on [[following Friday|date]]?",
        // a day is no percentage
        "The Ginnie Mae [[November|date;iso=--11]] [[9%|percent=9]] issue ended",
        "from [[previous years|date]] and",
        // "of" a month or a relative year; "the whole year of 1996"; "the year to date"
        "sold cars in [[the first 10 days of October|date]], a drop",
        "compressed into [[the month of October|date;iso=--10]] because",
        "equal to the exports of [[the whole year of 1996|date;iso=1996]].",
        "For [[the year to date|date]], returns were topped by",
        "over [[the next six or seven months|date]] as",
        // a weekday with a numeric date, or with its day in words
        "should be done [[friday 5/12|date]]",
        "should be done [[this 5/12|date]]",
        "a call sometime [[Friday 2018-7-6|date;iso=2018-07-06]] with Jim",
        "coffee on [[wednesday the thirty first|date;iso=---31]].",
        "meet [[Thursday 29/03|date;iso=--03-29]] then",
        // a number after the weekday that is no day of it
        "on [[Thursday 9 am|date]] we",
        // a lower-case month abbreviation next to its day; a year in words
        "a meeting on [[14 nov|date;iso=--11-14]]",
        "I'll be out [[August two thousand and fifteen|date;iso=2015-08]]",
        "They left in [[October two thousand|date;iso=2000-10]] and returned",
        "born [[march third 2015|date;iso=2015-03-03]]",
        // no such day: no iso
        "meet on [[Feb. 30, 2019|date]] then",
        "on [[Feb. 29, 2020|date;iso=2020-02-29]] then",
        // a duration in several units is one item
        "I left here [[2 years 1 month 21 days later|date]]",
        "found it [[2 weeks and 2 days ago|date]]",
        "jailed for [[two years and nine months|duration=33;unit=month;iso=P2Y9M]] in",
        "down from [[five days|duration=5;unit=day;iso=P5D]] a week",
        // weeks, quarters, decades in words
        "sales in [[week 1|date]] and [[week 27 of last year|date]]",
        "results for [[Q3 2019|date;iso=2019]] and [[2019-Q1|date;iso=2019]]",
        "presidents in [[the nineties|date]]",
        "I was not there [[that weekend|date]].",
        "It will happen on [[next workweek|date]]",
        // newswire periods
        "reported net losses for [[16 consecutive quarters|date]], said",
        "the market was down early in [[Friday|date]]'s session",
        "strong through [[the Christmas season|date]], which",
        // a holiday named relatively, and a period skipped in turn
        "Sales fell after [[last Easter|date]] and again before [[next Christmas Eve|date]].",
        "not since the last [[Christmas|date]] of the war",
        "The clinic opens [[every other day|date]] and the market [[every other week|date]].",
        "profit in its [[fiscal first half|date]] ended [[Sept. 30|date;iso=--09-30]]",
        "meet on [[Sun. March 3|date;iso=--03-03]]",
        "Until [[the other day|date]], you",
        "The council meets [[Monday 12-4|date]].",
        "The council meets [[next Monday 6-8|date]].",
        "The vote is on [[friday the 26th at 4|date]].",
        "The vote is on [[Monday at 2.30|date]].",
        "This task should be done [[this friday 5/12|date]]",
        "Schedule me a meeting [[next week|date]] [[Mon|date]] or [[Tue|date]]",
        "It may be in [[may|date;iso=--05]].",
        "I'll go back [[Oct/2|date;iso=--10-02]]",
        // a person's age in apposition is a date, like "59 years old"
        "Arthur A. Hatch, [[59|age=59;unit=year]], was named executive vice president.",
        "Frederick Deane Jr., [[63|age=63;unit=year]], chairman of the bank, said so.",
        "Mr. Bromwich, [[35|age=35;unit=year]], also has served as deputy chief.",
        // a second day of the month
        "The assembly meets on [[Dec. 8|date;iso=--12-08]] and [[9|date;iso=--12-09]].",
        // a day of the month in words
        "We will come back on [[the twenty third day of September|date]]",
        "It filed under chapter 11 [[last week|date]].",
        "The drop began within [[a year|duration=1;unit=year;iso=P1Y]].",
        "The shop opens [[Saturday|date]] [[morning at 9|time;iso=T09:00]].",
        "Meet me [[4/25 at 4:00pm|date;iso=--04-25T16:00]]",
        "The law took effect [[10.31.1974|date;iso=1974-10-31]].",
        "The fair opens [[23.04.2022 14:55|date;iso=2022-04-23T14:55]]",
        "The results are due on [[2/15|date;iso=--02-15]].",
        "It runs from [[18th Dec|date;iso=--12-18]]",
        "peace in [[the last forty-some years|date]] on the peninsula",
        "The [[year-earlier third-quarter|date]] earnings rose.",
        "How about [[2019|date;iso=2019]]?",
        "I'll go back [[Sunday|date]] [[3 weeks|duration=3;unit=week;iso=P3W]] after [[January 15th|date;iso=--01-15]].",
        "[[this week|date]] [[8p.m.|time;iso=T20:00]] is fine",
        "Can I book a room for [[2 nights|date;unit=night]]?",
        "a [[three-night|date;unit=night]] stay",
        "I'll go back [[end of this year|date]]",
        "Don't go to bed [[end of day|date]] again.",
        "The reform came at [[the end of 2000|date]].",
        "The vote is on [[the 20th of this month|date]].",
        "It was paid on [[20th of the previous month|date]].",
        "Rain is forecast for [[2 upcoming weeks|date;unit=wk]]",
        "in [[two remaining days|duration=2;unit=day;iso=P2D]] of talks",
        "Please find a time [[later in the year|date]]",
        "He left [[late in 1991|date;iso=1991]].",
        "The bells are no longer rung on [[Sundays|date]].",
        "On [[weekends|date]], she came to the shop.",
        "They're looking forward to their [[winter|date]] meeting.",
        "The centers will open by [[spring|date]].",
        "a land of perpetual [[autumn|date]]",
        "after a [[summer|date]] of far smaller gains",
        "It lasted [[just eight days|duration=8;unit=day;iso=P8D]].",
        "Members report a rise in [[1988|date;iso=1988]] sales losses over [[1987|date;iso=1987]].",
        "The dollar is not under [[1987|date]]-style pressure.",
        "The call is on [[Thursday 8:00 gmt|date]].",
        "The deadline was extended [[another 90 days|duration=90;unit=day;iso=P90D]].",
        "It has [[an additional 120 days|duration=120;unit=day;iso=P120D]] to decide.",
        "Prices rose another notch [[this week|date]].",
        "The strike entered [[its 13th day|date]].",
        "The fund is in [[its 10th year|date]] of trading.",
        "Profit rose in [[the first three quarters of 1989|date]].",
        "Sales fell in [[the past two quarters|date]].",
        "It lost money in [[two quarters|date;unit=quarter]] [[this year|date]].",
        "Sales peaked [[2 quarters ago|date;unit=quarter]].",
        "The wall was built in [[300 BC|date]] by the king.",
        "Pompeii was destroyed in [[AD 79|date;iso=0079]].",
        "Cases rose for a [[fifth straight week|date]].",
        "Flight 370 vanished on [[March 8, 2014|date;iso=2014-03-08]].",
        "He bought a new pc [[last week|date]].",
        "Junk prices fell for [[the 17th consecutive day|date]]",
        "Values as of [[10.06.89|date]] are listed.",
        "It fell in each of [[the five previous months|date]].",
        "Orders rose for [[the sixth consecutive month|date]].",
        "Output rose in [[the first three-quarters of this year|date]].",
        "Profit rose in [[the first three quarters of fiscal 1989|date]].",
        "She saw him [[one night|date;unit=night]] in Paris.",
    ]);
}

/// Clock times and parts of the day ("11pm", "this afternoon at 2").
#[test]
fn times() {
    run(&[
        "in [[two hours|duration=2;unit=hour;iso=PT2H]]",
        "at [[3pm|time;iso=T15:00]]",
        "at [[15:30|time;iso=T15:30]]",
        "at [[2.15pm|time;iso=T14:15]]",
        "at [[11pm|time;iso=T23:00]]",
        "at [[10 a.m. EDT|time;iso=T10:00]]",
        "for [[two hours|duration=2;unit=hour;iso=PT2H]]",
        "[[as early as 7:00 am|time;iso=T07:00]]",
        "[[half past seven|time;iso=T07:30]]",
        "[[quarter to noon|time;iso=T11:45]]",
        "[[3 in the morning|time;iso=T03:00]]",
        "[[10 a.m. this morning|time]]",
        "at [[7:56:30 am|time;iso=T07:56]]",
        "meet [[one in the morning|time;iso=T01:00]]",
        "at [[10 past 9|time;iso=T09:10]]",
        "[[3:20 in the afternoon|time;iso=T15:20]]",
        "[[8 tonight|time;iso=T20:00]]",
        "at [[12 noon|time;iso=T12:00]]",
        "in [[three quarters of an hour|duration=0.75;unit=hour;iso=PT0.75H]]",
        "[[this morning at 10am|time;iso=T10:00]]",
        "for [[half an hour|duration=0.5;unit=hour;iso=PT0.5H]]",
        "the [[late-afternoon|time]] rout",
        "[[Hours|time]] after the vote",
        "by [[a fraction of a second|time]]",
        "at [[11pm|time]]",
        // clock forms
        "I'll be back at [[9.am|time;iso=T09:00]].",
        "I'll be back at [[9:00a|time;iso=T09:00]].",
        "I'll be back at [[7p|time;iso=T19:00]]",
        "meet before [[11 am|time;iso=T11:00]]",
        "wake me at [[three am|time;iso=T03:00]]",
        "The session resumes [[this afternoon at 2|time;iso=T14:00]].",
        "Polls close [[tonight at 11|time;iso=T23:00]].",
        "The rally ends [[this evening|time]] at [[11|cardinal=11]] points higher",
        "I'll be back at [[730 in the evening|time;iso=T19:30]]",
        "The train left at [[ten thirty am|time;iso=T10:30]]",
        "It was [[3 oclock am|time;iso=T03:00]]",
        "It was [[3:30 p m|time;iso=T15:30]]",
        "I'll go back at [[five-thirty tomorrow evening|time;iso=T17:30]]",
        "He arrived at [[ten-fifteen|time;iso=T10:15]].",
        "It's [[20 min past eight in the evening|time;iso=T20:20]]",
        "Let's meet [[late this morning|time]].",
        "Let's meet [[early this evening|time]].",
        "Trading closed at [[4 p.m. EDT|time;iso=T16:00]].",
        "Trading was halted for [[15 minutes|duration=15;unit=minute;iso=PT15M]] at [[10:30|time;iso=T10:30]].",
        "The deadline is [[5 p.m. ET|time;iso=T17:00]] [[Friday|date]].",
        "The talks collapsed in [[the early hours of Saturday|time]].",
        "It started nervously in [[the small hours|time]].",
        "We met [[this afternoon at 2|time;iso=T14:00]].",
    ]);
}

/// No numbers at all: codes, names, pronouns, idioms, phone numbers ("F-16", "no one", "call
/// 650-650-6500").
#[test]
fn not_numbers() {
    run(&[
        "a 3x zoom and 4x4 trucks",
        "a gross violation of the rules",
        "a multi-trillion-dollar economy",
        "the Black Monday crash",
        "the First Union bank",
        "at first glance",
        "when it first came out",
        "morning sickness",
        "Mrs. Ward, for one, was relieved",
        "test scores rose",
        "The COVID-19 pandemic",
        "an F-16 jet",
        "the M5 motorway",
        "the G7 summit",
        "a 3D printer",
        "a Boeing 737 jet",
        "under Article 5 of the treaty",
        "call (206) 555-1212 now",
        "call 650-650-6500",
        "at 650.650.6500",
        "+44 20 7946 0958",
        "one of the biggest",
        "no one was hurt",
        "a mix of both",
        "May I ask",
        "Good Morning Paul",
        "the one you mentioned",
        "code 133-03-03-2020",
        "the A4 and A5 roads",
        "a 90/10 split",
        "open 24/7 now",
        "at COP 26 in Glasgow",
        "runs PHP 7 code",
        "the bill S. 1737 and H.R. 2005",
        "in Sec. 5 of the act",
        "the day-to-day work",
        // a season in a name
        "at the time of the Spring Festival, we miss them",
        "Every other country signed.",
        // no dates
        "The prospective buyers included the Toronto Sun.",
        "\"This moment has already arrived,\" he said.",
        "the fall in prices was steep",
        "All their work came to naught.",
        // a law's parts are items, also at the start of a sentence
        "eliminated from the law. Section 501 of the act says so.",
        "the state that recently passed the Prop. 65 initiative",
        // toll-free and premium-rate prefixes
        "Charities test 900 service, and an 800-number for donors.",
        "They had lunch at TGI Fridays.",
        "Prices could fall in a single session.",
        "A coiled spring broke and the Summer Palace closed.",
        "It streams in 1080p video.",
        "Grade 5F students sat the test.",
        "The F-16 flew low.",
        "The suspect was held in room 101.",
        "Get your kicks on Route 66.",
        "a single bed, an armoire and a night table",
    ]);
}

#[test]
fn awkward_text_never_panics() {
    let long_digits = "9".repeat(1 << 20);
    let texts = [
        "",
        " ",
        "\u{feff}12\u{a0}%",
        "😀 12 😀",
        "e\u{301} 5 km",
        "\r\n3\r\n",
        "“12”",
        long_digits.as_str(),
        "1,2,3,4,5,6,7,8,9,0",
        "$$$ 5 $",
        "- - - 5 - -",
        "½ ¾",
        "0/0 1/0",
        "99999999999999999999999999999 million",
    ];
    for t in texts {
        let found = find(t);
        let mut last = 0;
        for n in &found {
            let (s, e) = (n.span.start as usize, n.span.end as usize);
            assert!(s >= last && s < e && e <= t.len(), "bad span in {t:?}");
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
            let sub = &t[s..e];
            assert_eq!(sub.trim(), sub, "span has outer whitespace in {t:?}");
            last = e;
        }
    }
}

/// Repeated awkward patterns stay fast: the grammar's look-ahead and look-back are bounded.
#[test]
fn linear_on_pathological_input() {
    let patterns = [
        "9\" ",
        "12,34,",
        "one thousand ",
        "1 000 ",
        "between 1 and ",
        "- 5 ",
        "5-",
        "1/2 ",
        "the first ",
        "Thursday to ",
        "at least ",
        "$",
        "twenty-",
        "'82 ",
        "half a ",
        "3pm-",
        "one and a half ",
    ];
    for p in patterns {
        let text = p.repeat(100_000 / p.len());
        let t0 = std::time::Instant::now();
        let _ = find(&text);
        let dt = t0.elapsed();
        assert!(dt.as_secs_f64() < 5.0, "{p:?} x {} took {dt:?}", 100_000 / p.len());
    }
}

#[test]
fn seed_article_numbers() {
    let Some(text) = seed_article() else { return };
    let found = find(&text);
    let got: Vec<(&str, &str, Option<f64>)> =
        found.iter().map(|n| (n.span.of(&text), n.kind.as_str(), n.value)).collect();
    let want: &[(&str, &str, Option<f64>, usize)] = &[
        ("At least 33", "cardinal", Some(33.0), 1),
        ("Thursday", "date", None, 6),
        ("February 27th", "date", None, 1),
        ("Thirty", "cardinal", Some(30.0), 1),
        ("Thursday to Friday", "date", None, 1),
        ("at least 53", "cardinal", Some(53.0), 1),
        ("February", "date", None, 1),
        ("December 2019", "date", None, 2),
        ("Seven", "cardinal", Some(7.0), 1),
        ("three", "cardinal", Some(3.0), 1),
        ("more than 400", "cardinal", Some(400.0), 1),
        ("more than 948,000", "cardinal", Some(948000.0), 1),
        ("more than half a million", "cardinal", Some(500000.0), 1),
        ("some 3.6 million", "cardinal", Some(3600000.0), 1),
        ("2016", "date", None, 1),
    ];
    for (s, kind, value, count) in want {
        let n =
            got.iter().filter(|g| g.0 == *s && g.1 == *kind && (value.is_none() || g.2 == *value)).count();
        assert_eq!(n, *count, "{s:?} ({kind}) found {n} times, want {count}; got {got:?}");
    }
    // nothing else, except optionally "recent weeks" as a date
    let allowed: usize = want.iter().map(|w| w.3).sum();
    let extra: Vec<_> = got
        .iter()
        .filter(|g| {
            let expected = want.iter().any(|w| w.0 == g.0) || g.0 == "recent weeks" && g.1 == "date";
            !expected
        })
        .collect();
    assert!(extra.is_empty(), "unexpected numbers: {extra:?}");
    assert!(got.len() >= allowed);
    let iso = |s: &str| found.iter().find(|n| n.span.of(&text) == s).and_then(|n| n.iso.clone());
    assert_eq!(iso("February 27th").as_deref(), Some("--02-27"));
    assert_eq!(iso("December 2019").as_deref(), Some("2019-12"));
    assert_eq!(iso("2016").as_deref(), Some("2016"));
    let m =
        |s: &str| found.iter().find(|n| n.span.of(&text) == s).and_then(|n| n.modifier).map(|m| m.as_str());
    assert_eq!(m("At least 33"), Some("at_least"));
    assert_eq!(m("more than 400"), Some("more_than"));
    assert_eq!(m("some 3.6 million"), Some("about"));
    assert!(!got.iter().any(|g| g.0.contains("M5")), "M5 is a road, not a number");
}

// ---------- newsmark/2: durations and ages ----------

#[test]
fn durations_have_a_count_a_unit_and_an_iso_duration() {
    run(&[
        "jailed for [[three months|duration=3;unit=month;iso=P3M]]",
        "He got a [[15-year|duration=15;unit=year;iso=P15Y]] sentence.",
        "It took [[two hours|duration=2;unit=hour;iso=PT2H]], then [[90 seconds|duration=90;unit=second;iso=PT90S]].",
        "a wait of [[two hours and 90 seconds|duration=7290;unit=second;iso=PT2H90S]]",
        "for [[1.5 years|duration=1.5;unit=year;iso=P1.5Y]]",
        "talks of [[1 hour and 30 minutes|duration=90;unit=minute;iso=PT1H30M]]",
        // a duration in units that do not convert exactly has no single count
        "jailed for [[two years and nine months|duration=33;unit=month;iso=P2Y9M]] in",
        "[[5 to 44 days|duration=5..44;unit=day]]",
        "punishable by [[up to 10 years|duration=10;mod=up_to;unit=year;iso=P10Y]] in prison",
        // tied to the calendar: a date, with no count
        "[[two years ago|date]], over [[the past three months|date]]",
        // units the wire does not name stay dates
        "for [[two decades|date;unit=decade]]",
    ]);
}

#[test]
fn ages_have_a_count_and_a_unit() {
    run(&[
        "Pierre Vinken, [[61 years old|age=61;unit=year]], will join the board.",
        "diagnosed at [[around eighteen months of age|age=18;unit=month;mod=about]]",
        "a [[7-year-old|age=7;unit=year]] boy",
        "The proposal is [[8 months old|age=8;unit=month]].",
        // a bare age in apposition is in years
        "Arthur A. Hatch, [[59|age=59;unit=year]], was named executive vice president.",
        "retired at [[age 65|age=65;unit=year]]",
    ]);
}

// ---------- the compound-number grammar (issue 13) ----------

#[test]
fn spelled_out_compounds_in_any_casing_and_glued() {
    run(&[
        "[[ONE HUNDRED TwentY tWO|cardinal=122]] votes",
        // a digit word, then a two-digit compound: hundreds, as said ("flight one twenty-two")
        "[[ONE TwentY tWO|cardinal=122]], flight [[one twenty-two|cardinal=122]] landed",
        // but a clock time stays one
        "[[nine fifty nine a m|time]]",
        "the [[twentyfifth|ordinal=25]] time, [[NinetyNine|cardinal=99]] ways",
        "[[ninety - five|cardinal=95]] pages",
        "the [[two hundredth|ordinal=200]] anniversary, the [[five thousandth|ordinal=5000]] visitor",
        // "one hundredth" is a fraction
        "[[one hundredth|cardinal=0.01]] of the votes",
    ]);
}

#[test]
fn scales_plural_indian_and_fractional() {
    run(&[
        "worth [[5 billions|cardinal=5000000000]], [[two millions|cardinal=2000000]]",
        // a plural scale alone is a vague amount
        "[[billions of dollars|money]]",
        "[[3 lakh|cardinal=300000]] people, [[2 crore rupees|money=20000000;cur=INR]]",
        "[[a quarter million|cardinal=250000]] homes, [[a quarter-million|cardinal=250000]] cars",
        "[[naught point five|cardinal=0.5]]",
        // Recognizers-Text issue 3207 (https://github.com/microsoft/Recognizers-Text/issues/3207):
        // "one and a half thousand" is 1500, not 501
        "[[one and a half thousand|cardinal=1500]] fans",
        // Recognizers-Text issue 3208 (https://github.com/microsoft/Recognizers-Text/issues/3208):
        // a bare "hundred" before a currency counts one hundred
        "It cost [[hundred dollars|money=100;cur=USD]].",
        // an adjective: "million dollar" is no amount
        "multi-million dollar verdicts and million dollar contributions",
    ]);
}

/// Bug reports of other number and date finders, as regression tests: what they got wrong we
/// must get right.
#[test]
fn peers_bug_reports() {
    run(&[
        // chrono-node issue 518 (https://github.com/wanasit/chrono/issues/518) and 242
        // (https://github.com/wanasit/chrono/issues/242): "may" the verb is no month
        "I may be here. May the force be with you. Theresa may become PM soon.",
        "I may leave on [[13-Jan-2018|date;iso=2018-01-13]]",
        // chrono-node issue 377 (https://github.com/wanasit/chrono/issues/377): "at 5 health" is
        // a number, not 5 o'clock; nor is "at 101,194 points"
        "I'm only at [[5|cardinal=5]] health",
        "I'm at [[101,194|cardinal=101194]] points!",
        // chrono-node issue 374 (https://github.com/wanasit/chrono/issues/374): a weight, not 6:05
        "The baby was at [[6.5 kilograms|quantity=6.5;unit=kg]].",
        // dateparser issue 582 (https://github.com/scrapinghub/dateparser/issues/582): "100M"
        // and coordinates are no dates
        "The following isn't a correct date [[100M|cardinal=100000000]]",
        "The ship was at [[32°|quantity=32;unit=°]] [[34|cardinal=34]]’S.",
    ]);
}

// ---------- no number inside a name or an idiom ----------

/// An invented article whose names and idioms hold number words: none of them is a number.
#[test]
fn names_and_idioms_hold_no_numbers() {
    run(&[
        "Fans of One Direction watched Good Morning America while the Big Three automakers met.",
        "Air Force One flew in; the Little Rock Nine spoke.",
        "Formula One drivers and the Group of Seven were at sixes and sevens, and the coach was on cloud nine.",
        "He went the whole nine yards, crawled on all fours and was back to square one.",
        "She is the one and only.",
        // the real numbers around them are still found
        "The Big Three sold [[2.1 million|cardinal=2100000]] cars; [[three|cardinal=3]] plants closed.",
        // a headline in title case and a sentence start are no names
        "Storm Hits Coast, [[Two|cardinal=2]] Dead In Crash",
        "[[Three|cardinal=3]] Americans died.",
        // newswire counts these ("one", "two" are cardinals)
        "It ended in [[one|cardinal=1]] fell swoop.",
    ]);
}

/// "over" in its headline sense ("because of") is no hedge; as a hedge it stays.
#[test]
fn headline_over_is_no_hedge() {
    run(&[
        "Senator grills bank over [[$2 billion|money=2000000000;cur=USD]] fine",
        "households with incomes [[over $45,000|money=45000;mod=over]] who pay",
        "They spent [[over $2 billion|money=2000000000;mod=over]] [[last year|date]].",
        "a combined total of [[over $1.2 billion|money=1200000000;mod=over]] tax dollars",
    ]);
}

/// Whole units, then the hundredth part of the currency: one amount.
#[test]
fn money_in_units_and_subunits() {
    run(&[
        "It cost [[3 UAH 4 kopiykas|money=3.04;cur=UAH]] and [[100 rubles 50 kopecks|money=100.5;cur=RUB]].",
        "[[5 euros 20 cents|money=5.2;cur=EUR]]",
    ]);
}

/// With the entity layer: a number inside a name it found is none ("Formula One"), but a count
/// after a dash that a name's span ran over is still one ("Scottish National Party - 48 seats").
#[test]
fn names_from_the_entity_layer() {
    let text = "Results:\n\nScottish National Party - 48 seats\n\nSinn Féin - 7 seats\n\nThey watched Formula One races.";
    let doc = annotator().annotate(text);
    let found: Vec<&str> = doc.numbers.iter().map(|n| n.span.of(text)).collect();
    assert_eq!(found, ["48", "7"], "{found:?}");
}

/// The scan skips plain words that no rule names (`Parser::may_start_at`, from the grammar's own
/// string literals): on the texts of every data file in `../shared/data` it skips no token where
/// the grammar would find a number (the numbers examples above check the same).
#[test]
fn start_gate_skips_nothing_the_grammar_reads_on_the_data_files() {
    use std::io::{BufRead, BufReader, Read};
    let Some(dir) = crate::common::shared_dir() else { return };
    let mut texts = 0;
    for entry in std::fs::read_dir(dir.join("data")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let file = std::fs::File::open(&path).unwrap();
        let reader: Box<dyn Read> = match () {
            _ if name.ends_with(".jsonl.gz") => Box::new(flate2::read::GzDecoder::new(file)),
            _ if name.ends_with(".jsonl") => Box::new(file),
            _ => continue,
        };
        for line in BufReader::new(reader).lines() {
            let doc: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
            let Some(text) = doc["text"].as_str() else { continue };
            let misses = newsmark::numbers::start_gate_misses(text);
            assert!(misses.is_empty(), "{name}, {}: {misses:?}", doc["id"]);
            texts += 1;
        }
    }
    assert!(texts > 3000, "only {texts} texts read");
}

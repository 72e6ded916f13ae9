//! Units of measure and currencies: surface forms to normalised symbols and ISO 4217 codes.

/// What a unit makes of the number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitClass {
    /// A measured quantity ("5 km").
    Quantity,
    /// A duration in days or longer: a date in the newswire convention ("three months").
    DateSpan,
    /// A duration under a day: a time ("two hours").
    TimeSpan,
}

/// Unit words, lower-cased (full words and unambiguous abbreviations).
/// Returns (symbol, class, is_abbreviation).
pub fn unit(w: &str) -> Option<(&'static str, UnitClass, bool)> {
    use UnitClass::*;
    let r = match w {
        "km" | "kms" => ("km", Quantity, true),
        "kilometre" | "kilometres" | "kilometer" | "kilometers" => ("km", Quantity, false),
        "metre" | "metres" | "meter" | "meters" => ("m", Quantity, false),
        "cm" => ("cm", Quantity, true),
        "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("cm", Quantity, false),
        "mm" => ("mm", Quantity, true),
        "nanometre" | "nanometres" | "nanometer" | "nanometers" => ("nm", Quantity, false),
        "micrometre" | "micrometres" | "micrometer" | "micrometers" | "micron" | "microns" => {
            ("µm", Quantity, false)
        }
        "picometre" | "picometres" | "picometer" | "picometers" => ("pm", Quantity, false),
        "km2" => ("km²", Quantity, true),
        "m2" => ("m²", Quantity, true),
        "joule" | "joules" => ("J", Quantity, false),
        "kilojoule" | "kilojoules" => ("kJ", Quantity, false),
        "mgy" => ("mGy", Quantity, true),
        "gray" | "grays" | "sievert" | "sieverts" => ("Gy", Quantity, false),
        "kelvin" | "kelvins" => ("K", Quantity, false),
        "decibel" | "decibels" | "db" => ("dB", Quantity, false),
        "hertz" | "hz" => ("Hz", Quantity, false),
        "megahertz" | "mhz" => ("MHz", Quantity, false),
        "gigahertz" | "ghz" => ("GHz", Quantity, false),
        "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("mm", Quantity, false),
        "mile" | "miles" => ("mi", Quantity, false),
        "mi" => ("mi", Quantity, true),
        "foot" | "feet" => ("ft", Quantity, false),
        "ft" => ("ft", Quantity, true),
        "inch" | "inches" => ("in", Quantity, false),
        "yard" | "yards" => ("yd", Quantity, false),
        "yd" | "yds" => ("yd", Quantity, true),
        "hectare" | "hectares" => ("ha", Quantity, false),
        "ha" => ("ha", Quantity, true),
        "acre" | "acres" => ("acre", Quantity, false),
        "litre" | "litres" | "liter" | "liters" => ("l", Quantity, false),
        "millilitre" | "millilitres" | "milliliter" | "milliliters" => ("ml", Quantity, false),
        "ml" | "mls" => ("ml", Quantity, true),
        "gallon" | "gallons" => ("gal", Quantity, false),
        "gal" => ("gal", Quantity, true),
        "barrel" | "barrels" => ("bbl", Quantity, false),
        "bbl" | "bbls" => ("bbl", Quantity, true),
        "bushel" | "bushels" => ("bu", Quantity, false),
        "cup" | "cups" => ("cup", Quantity, false),
        "teaspoon" | "teaspoons" => ("tsp", Quantity, false),
        "tsp" => ("tsp", Quantity, true),
        "tablespoon" | "tablespoons" => ("tbsp", Quantity, false),
        "tbsp" => ("tbsp", Quantity, true),
        "megaannum" | "megaanna" | "megayear" | "megayears" => ("Ma", Quantity, false),
        "gigaannum" | "gigaanna" | "gigayear" | "gigayears" => ("Ga", Quantity, false),
        "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => ("kg", Quantity, false),
        "kg" | "kgs" => ("kg", Quantity, true),
        "gram" | "grams" | "gramme" | "grammes" => ("g", Quantity, false),
        "gs" => ("g", Quantity, true),
        "milligram" | "milligrams" | "milligramme" | "milligrammes" => ("mg", Quantity, false),
        "mg" => ("mg", Quantity, true),
        "microgram" | "micrograms" | "microgramme" | "microgrammes" => ("µg", Quantity, false),
        "tonne" | "tonnes" | "ton" | "tons" => ("t", Quantity, false),
        "megaton" | "megatons" | "megatonne" | "megatonnes" => ("Mt", Quantity, false),
        "pound" | "pounds" => ("lb", Quantity, false),
        "lb" | "lbs" => ("lb", Quantity, true),
        "ounce" | "ounces" => ("oz", Quantity, false),
        "oz" => ("oz", Quantity, true),
        "mph" => ("mph", Quantity, true),
        "kph" | "kmh" => ("km/h", Quantity, true),
        "knot" | "knots" => ("kn", Quantity, false),
        "celsius" | "centigrade" => ("°C", Quantity, false),
        "fahrenheit" | "farenheit" => ("°F", Quantity, false),
        "degree" | "degrees" => ("°", Quantity, false),
        "watt" | "watts" => ("W", Quantity, false),
        "kilowatt" | "kilowatts" => ("kW", Quantity, false),
        "megawatt" | "megawatts" => ("MW", Quantity, false),
        "gigawatt" | "gigawatts" => ("GW", Quantity, false),
        "kwh" => ("kWh", Quantity, true),
        "mwh" => ("MWh", Quantity, true),
        "gwh" => ("GWh", Quantity, true),
        "kw" => ("kW", Quantity, true),
        "mw" => ("MW", Quantity, true),
        "gw" => ("GW", Quantity, true),
        "volt" | "volts" => ("V", Quantity, false),
        "kilovolt" | "kilovolts" => ("kV", Quantity, false),
        "kv" => ("kV", Quantity, true),
        "amp" | "amps" | "ampere" | "amperes" => ("A", Quantity, false),
        "ev" => ("eV", Quantity, true),
        "btu" | "btus" => ("BTU", Quantity, true),
        "calorie" | "calories" => ("kcal", Quantity, false),
        "kcal" => ("kcal", Quantity, true),
        "byte" | "bytes" => ("B", Quantity, false),
        "bit" | "bits" => ("bit", Quantity, false),
        "kilobyte" | "kilobytes" => ("kB", Quantity, false),
        "kb" => ("kB", Quantity, true),
        "megabyte" | "megabytes" => ("MB", Quantity, false),
        "mb" => ("MB", Quantity, true),
        "gigabyte" | "gigabytes" => ("GB", Quantity, false),
        "gb" => ("GB", Quantity, true),
        "terabyte" | "terabytes" => ("TB", Quantity, false),
        "tb" => ("TB", Quantity, true),
        "exabyte" | "exabytes" => ("EB", Quantity, false),
        "second" | "seconds" => ("s", TimeSpan, false),
        "sec" | "secs" => ("s", TimeSpan, true),
        "minute" | "minutes" => ("min", TimeSpan, false),
        "min" | "mins" => ("min", TimeSpan, true),
        "hour" | "hours" => ("h", TimeSpan, false),
        "hr" | "hrs" => ("h", TimeSpan, true),
        "day" | "days" => ("d", DateSpan, false),
        "week" | "weeks" => ("wk", DateSpan, false),
        "fortnight" | "fortnights" => ("fortnight", DateSpan, false),
        // "a booking for 2 nights"
        "night" | "nights" => ("night", DateSpan, false),
        "month" | "months" => ("mo", DateSpan, false),
        "year" | "years" => ("yr", DateSpan, false),
        "yr" | "yrs" => ("yr", DateSpan, true),
        "decade" | "decades" => ("decade", DateSpan, false),
        "century" | "centuries" => ("century", DateSpan, false),
        "semester" | "semesters" => ("semester", DateSpan, false),
        "quarter" | "quarters" => ("quarter", DateSpan, false),
        _ => return None,
    };
    Some(r)
}

/// A unit glued to digits ("29km", "250ml", "2oz"): case-sensitive symbols.
pub fn glued_unit(raw: &str) -> Option<(&'static str, UnitClass)> {
    use UnitClass::*;
    let lower = raw.to_ascii_lowercase();
    let r = match raw {
        "m" => ("m", Quantity),
        "l" | "L" => ("l", Quantity),
        "g" => ("g", Quantity),
        "t" => ("t", Quantity),
        "h" => ("h", TimeSpan),
        "Ma" | "Myr" => ("Ma", Quantity),
        "Ga" | "Gyr" => ("Ga", Quantity),
        "s" => return None,
        _ => match unit(&lower) {
            Some((sym, c, _)) if lower.len() <= 4 || raw == lower => (sym, c),
            _ => return None,
        },
    };
    Some(r)
}

/// The hundredth part of a currency, after its whole units: "3 dollars 50 cents", "3 UAH 4
/// kopiykas", "100 rubles 50 kopecks". Sorted, no repeats.
const SUBUNITS: &[&str] = &[
    "agorot", "c", "cent", "centavo", "centavos", "centime", "centimes", "cents", "fils", "groszy", "halala",
    "halalas", "kopeck", "kopecks", "kopek", "kopeks", "kopiyka", "kopiykas", "kopiyok", "paisa", "paise",
    "pence", "pfennig", "pfennigs", "piastres", "rappen", "satang", "stotinki",
];

pub fn subunit_word(w: &str) -> bool {
    SUBUNITS.binary_search(&w).is_ok()
}

/// Currency words after a number, lower-cased.
pub fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "bucks" => "USD",
        "quid" => "GBP",
        "drachma" | "drachmas" | "drachmae" => "GRD",
        "euro" | "euros" => "EUR",
        "sterling" => "GBP",
        "pence" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => "INR",
        "franc" | "francs" => "CHF",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        "peso" | "pesos" => "MXN",
        "riyal" | "riyals" | "saudiriyal" => "SAR",
        "ringgit" | "ringgits" => "MYR",
        "rial" | "rials" => "IRR",
        "kwacha" => "ZMW",
        "shilling" | "shillings" => "KES",
        "hryvnia" | "hryvnias" => "UAH",
        "forint" | "forints" => "HUF",
        "koruna" | "korunas" => "CZK",
        "dong" => "VND",
        "taka" => "BDT",
        "cedi" | "cedis" => "GHS",
        "markka" | "markkaa" => "FIM",
        "escudo" | "escudos" => "PTE",
        "peseta" | "pesetas" => "ESP",
        "guilder" | "guilders" => "NLG",
        "dinar" | "dinars" => "KWD",
        "lira" | "liras" | "lire" => "TRY",
        "shekel" | "shekels" => "ILS",
        "rand" => "ZAR",
        "naira" => "NGN",
        "baht" => "THB",
        "dirham" | "dirhams" => "AED",
        "krona" | "kronor" => "SEK",
        "krone" | "kroner" => "NOK",
        "zloty" | "zlotys" => "PLN",
        "punt" | "punts" => "IEP",
        "mark" | "marks" | "deutschmark" | "deutschmarks" => "DEM",
        "real" | "reais" => "BRL",
        "rupiah" => "IDR",
        "won" => "KRW",
        "cent" | "cents" => "USD",
        _ => return None,
    })
}

/// Nationality or place words that refine a currency word ("Canadian dollars", "Irish punts").
pub fn currency_adjective(adj: &str, code: &str) -> Option<&'static str> {
    Some(match (adj, code) {
        ("us" | "u.s." | "american", "USD") => "USD",
        ("canadian", "USD") => "CAD",
        ("australian", "USD") => "AUD",
        ("singapore", "USD") => "SGD",
        ("taiwan" | "taiwanese", "USD") => "TWD",
        ("zealand", "USD") => "NZD",
        ("kong", "USD") => "HKD",
        ("lebanese", "GBP") => "LBP",
        ("egyptian", "GBP") => "EGP",
        ("syrian", "GBP") => "SYP",
        ("british", "GBP") => "GBP",
        ("saudi", "SAR") => "SAR",
        ("qatari", "SAR") => "QAR",
        ("omani", "SAR") => "OMR",
        ("iranian", "SAR") => "IRR",
        ("malaysian", "MYR") => "MYR",
        ("indian", "INR") => "INR",
        ("pakistani", "INR") => "PKR",
        ("nepalese" | "nepali", "INR") => "NPR",
        ("sri", "INR") => "LKR",
        ("irish", "IEP") => "IEP",
        ("swiss", "CHF") => "CHF",
        ("french", "CHF") => "FRF",
        ("belgian", "CHF") => "BEF",
        ("japanese", "JPY") => "JPY",
        ("chinese", "CNY") => "CNY",
        ("mexican", "MXN") => "MXN",
        ("argentine" | "argentinian", "MXN") => "ARS",
        ("philippine", "MXN") => "PHP",
        ("russian", "RUB") => "RUB",
        ("turkish", "TRY") => "TRY",
        ("israeli", "ILS") => "ILS",
        ("south" | "african", "ZAR") => "ZAR",
        ("korean", "KRW") => "KRW",
        ("jordanian", "KWD") => "JOD",
        ("kuwaiti", "KWD") => "KWD",
        ("finnish", "FIM") => "FIM",
        ("finnish" | "finland", "DEM") => "FIM",
        ("malaysia", "MYR") => "MYR",
        ("saudi", "IRR") => "SAR",
        ("qatari", "IRR") => "QAR",
        ("omani", "IRR") => "OMR",
        ("iranian", "IRR") => "IRR",
        ("yemeni", "IRR") => "YER",
        ("kenyan", "KES") => "KES",
        ("ugandan", "KES") => "UGX",
        ("tanzanian", "KES") => "TZS",
        ("iraqi", "KWD") => "IQD",
        ("swedish", "SEK") => "SEK",
        ("norwegian", "NOK") => "NOK",
        ("danish", "NOK") => "DKK",
        ("german" | "deutsche", "DEM") => "DEM",
        ("brazilian", "BRL") => "BRL",
        ("new", _) => return None,
        _ => return None,
    })
}

/// Upper-case ISO 4217 codes (and a few newsroom abbreviations) written before or after a number.
pub fn currency_code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" => "CNY",
        "RMB" => "CNY",
        "INR" => "INR",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "HKD" => "HKD",
        "NZD" | "nzd" => "NZD",
        "SGD" => "SGD",
        "RUB" => "RUB",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "KRW" => "KRW",
        "ZAR" => "ZAR",
        "TRY" => "TRY",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "ILS" => "ILS",
        "AED" => "AED",
        "SAR" => "SAR",
        "QAR" => "QAR",
        "EGP" => "EGP",
        "NGN" => "NGN",
        "KES" => "KES",
        "MNT" => "MNT",
        "THB" => "THB",
        "MYR" | "RM" => "MYR",
        "IDR" => "IDR",
        "PKR" => "PKR",
        "LBP" => "LBP",
        "TWD" => "TWD",
        "UAH" => "UAH",
        "KWD" => "KWD",
        "BHD" => "BHD",
        "OMR" => "OMR",
        "JOD" => "JOD",
        "CZK" => "CZK",
        "HUF" => "HUF",
        "RON" => "RON",
        "BGN" => "BGN",
        "ISK" => "ISK",
        "VND" => "VND",
        "ARS" => "ARS",
        "CLP" => "CLP",
        "IRR" => "IRR",
        "IQD" => "IQD",
        "SYP" => "SYP",
        "LKR" => "LKR",
        "NPR" => "NPR",
        "BDT" => "BDT",
        "KZT" => "KZT",
        "GHS" => "GHS",
        "ETB" => "ETB",
        "TZS" => "TZS",
        "UGX" => "UGX",
        "GEL" => "GEL",
        "Rs" => "INR",
        "LE" => "EGP",
        _ => return None,
    })
}

/// A code for millions of a currency, as in financial reports: "MUSD", "MEUR", "MSEK".
pub fn million_code(raw: &str) -> Option<&'static str> {
    let rest = raw.strip_prefix('M')?;
    if rest.len() == 3 && rest.bytes().all(|b| b.is_ascii_uppercase()) {
        currency_code(rest)
    } else {
        None
    }
}

/// Currency symbols.
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₭" => "LAK",
        "₺" => "TRY",
        "₦" => "NGN",
        "₪" => "ILS",
        "₱" => "PHP",
        "₴" => "UAH",
        "₫" => "VND",
        "₸" => "KZT",
        "₾" => "GEL",
        "₵" => "GHS",
        "₡" => "CRC",
        "₿" => "XBT",
        _ => return None,
    })
}

/// Letters written glued before "$": "US$", "C$", "HK$".
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s." | "usd" => "USD",
        "c" | "ca" | "cad" | "can" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" => "SGD",
        "nt" => "TWD",
        "r" => "BRL",
        "mex" => "MXN",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn subunits_are_sorted_without_repeats() {
        assert!(super::SUBUNITS.windows(2).all(|w| w[0] < w[1]), "{:?}", super::SUBUNITS);
    }
}

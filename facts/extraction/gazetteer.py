"""General knowledge the entity rules need: the world's countries, their demonyms, and office titles.

Nothing here is specific to any one article; it is the kind of list an atlas prints.
"""

from __future__ import annotations

# country name → demonyms (adjective and people), written as they appear in prose
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan", "Afghans"), "Albania": ("Albanian", "Albanians"), "Algeria": ("Algerian", "Algerians"),
    "Andorra": ("Andorran",), "Angola": ("Angolan", "Angolans"), "Argentina": ("Argentine", "Argentinian", "Argentines"),
    "Armenia": ("Armenian", "Armenians"), "Australia": ("Australian", "Australians"), "Austria": ("Austrian", "Austrians"),
    "Azerbaijan": ("Azerbaijani", "Azeri", "Azerbaijanis", "Azeris"), "Bahrain": ("Bahraini",),
    "Bangladesh": ("Bangladeshi",), "Belarus": ("Belarusian", "Belarusians"), "Belgium": ("Belgian", "Belgians"),
    "Bolivia": ("Bolivian", "Bolivians"), "Bosnia and Herzegovina": ("Bosnian", "Bosnians"),
    "Brazil": ("Brazilian", "Brazilians"), "Bulgaria": ("Bulgarian", "Bulgarians"), "Cambodia": ("Cambodian",),
    "Cameroon": ("Cameroonian",), "Canada": ("Canadian", "Canadians"), "Chile": ("Chilean", "Chileans"),
    "China": ("Chinese",), "Colombia": ("Colombian", "Colombians"), "Costa Rica": ("Costa Rican",),
    "Croatia": ("Croatian", "Croat", "Croats"), "Cuba": ("Cuban", "Cubans"), "Cyprus": ("Cypriot",),
    "Czech Republic": ("Czech", "Czechs"), "Czechoslovakia": ("Czechoslovak",), "Denmark": ("Danish", "Danes"),
    "Ecuador": ("Ecuadorian",), "Egypt": ("Egyptian", "Egyptians"), "Estonia": ("Estonian", "Estonians"),
    "Ethiopia": ("Ethiopian",), "Finland": ("Finnish", "Finns"), "France": ("French",), "Georgia": ("Georgian", "Georgians"),
    "Germany": ("German", "Germans"), "Ghana": ("Ghanaian",), "Greece": ("Greek", "Greeks"),
    "Guatemala": ("Guatemalan",), "Hungary": ("Hungarian", "Hungarians"), "Iceland": ("Icelandic", "Icelanders"),
    "India": ("Indian", "Indians"), "Indonesia": ("Indonesian", "Indonesians"), "Iran": ("Iranian", "Iranians", "Persian"),
    "Iraq": ("Iraqi", "Iraqis"), "Ireland": ("Irish",), "Israel": ("Israeli", "Israelis"), "Italy": ("Italian", "Italians"),
    "Japan": ("Japanese",), "Jordan": ("Jordanian",), "Kazakhstan": ("Kazakh", "Kazakhstani", "Kazakhs", "Kazakhstanis"),
    "Kenya": ("Kenyan",), "Kosovo": ("Kosovar",), "Kuwait": ("Kuwaiti",),
    "Kyrgyzstan": ("Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"), "Laos": ("Lao", "Laotian"), "Latvia": ("Latvian", "Latvians"),
    "Lebanon": ("Lebanese",), "Libya": ("Libyan",), "Lithuania": ("Lithuanian", "Lithuanians"),
    "Luxembourg": ("Luxembourgish",), "Malaysia": ("Malaysian",), "Mexico": ("Mexican", "Mexicans"),
    "Moldova": ("Moldovan", "Moldovans"), "Mongolia": ("Mongolian", "Mongolians"), "Montenegro": ("Montenegrin",),
    "Morocco": ("Moroccan",), "Netherlands": ("Dutch",), "New Zealand": ("New Zealander",),
    "Nigeria": ("Nigerian", "Nigerians"), "North Korea": ("North Korean", "North Koreans", "Korean", "Koreans"),
    "North Macedonia": ("Macedonian",), "Norway": ("Norwegian", "Norwegians"), "Pakistan": ("Pakistani", "Pakistanis"),
    "Panama": ("Panamanian",), "Paraguay": ("Paraguayan",), "Peru": ("Peruvian", "Peruvians"),
    "Philippines": ("Filipino", "Philippine"), "Poland": ("Polish", "Poles", "Pole"), "Portugal": ("Portuguese",),
    "Prussia": ("Prussian",), "Qatar": ("Qatari",), "Romania": ("Romanian", "Romanians"), "Russia": ("Russian", "Russians"),
    "Saudi Arabia": ("Saudi",), "Serbia": ("Serbian", "Serbs"), "Singapore": ("Singaporean",),
    "Slovakia": ("Slovak", "Slovaks"), "Slovenia": ("Slovenian", "Slovene", "Slovenes"),
    "South Africa": ("South African",), "South Korea": ("South Korean", "South Koreans"), "Spain": ("Spanish", "Spaniards"),
    "Sri Lanka": ("Sri Lankan",), "Sweden": ("Swedish", "Swedes"), "Switzerland": ("Swiss",), "Syria": ("Syrian",),
    "Taiwan": ("Taiwanese",), "Tajikistan": ("Tajik", "Tajikistani", "Tajiks"), "Thailand": ("Thai",),
    "Tunisia": ("Tunisian",), "Turkey": ("Turkish", "Turks"), "Turkmenistan": ("Turkmen",),
    "Ukraine": ("Ukrainian", "Ukrainians"), "United Kingdom": ("British", "Britons"),
    "United States": ("American", "Americans"), "Uruguay": ("Uruguayan",),
    "Uzbekistan": ("Uzbek", "Uzbekistani", "Uzbeks", "Uzbekistanis"), "Venezuela": ("Venezuelan",),
    "Vietnam": ("Vietnamese",), "Yemen": ("Yemeni",), "Soviet Union": ("Soviet", "Soviets"),
}  # fmt: skip

# Other ways an article names a country.
COUNTRY_ALIASES: dict[str, str] = {
    "USSR": "Soviet Union", "DPRK": "North Korea", "Democratic People's Republic of Korea": "North Korea",
    "UK": "United Kingdom", "USA": "United States", "U.S.": "United States", "Czechia": "Czech Republic",
    "Republic of Korea": "South Korea", "North-Korea": "North Korea",
}  # fmt: skip

DEMONYMS: dict[str, str] = {demonym: country for country, names in COUNTRIES.items() for demonym in names}

# Offices that introduce a person's name, longest first when matched.
TITLES: tuple[str, ...] = (
    "President", "Prime Minister", "Premier", "Chairman", "Chancellor", "King", "Queen", "Emperor", "Pope",
    "Minister", "Deputy Minister", "Vice Minister", "Foreign Minister", "Ambassador", "Marshal", "General",
    "Secretary", "Senator", "Governor", "Mayor", "Speaker", "Vice President", "Deputy Prime Minister",
)  # fmt: skip
# Lower-case occupations that precede a name ("Polish engineer Paweł Potocki").
OCCUPATIONS: tuple[str, ...] = (
    "general", "engineer", "statesman", "writer", "poet", "architect", "painter", "composer", "scientist",
    "president", "presidents", "prime minister", "officer", "diplomat", "explorer", "politician", "king", "priest",
)  # fmt: skip

# Head nouns that make a capitalised span an organisation ("Rifle Battalion", "Trade Council", "Arden Academy").
# General English, one entry per kind of body; each is shown by tests/unit/extraction/test_names.py on an
# invented name. The entity recogniser finds most organisations by itself; these settle what it misses.
ORG_WORDS: frozenset[str] = frozenset({
    "Organization", "Organisation", "Council", "Union", "League", "Alliance", "Federation", "Association",
    "Society", "Foundation", "Fund", "Forum", "Committee", "Commission", "Agency", "Service", "Ministry",
    "Government", "Parliament", "Congress", "Senate", "Assembly", "Court", "Police", "Party",
    "Company", "Corporation", "Airlines", "Bank", "University", "Academy", "Institute", "Centre", "Center",
    "Army", "Navy", "Corps", "Regiment", "Brigade", "Battalion", "Division", "Squadron", "Fleet", "Legion",
    "Nations",
})  # fmt: skip

# Capitals and other large cities → their country, so a question can say "In which German city …"
# when an embassy sits in a third country ("accredited from its embassy in Berlin").
CITIES: dict[str, str] = {
    "Kabul": "Afghanistan", "Tirana": "Albania", "Algiers": "Algeria", "Luanda": "Angola", "Buenos Aires": "Argentina",
    "Yerevan": "Armenia", "Canberra": "Australia", "Sydney": "Australia", "Vienna": "Austria", "Baku": "Azerbaijan",
    "Dhaka": "Bangladesh", "Minsk": "Belarus", "Brussels": "Belgium", "La Paz": "Bolivia", "Sarajevo": "Bosnia and Herzegovina",
    "Brasília": "Brazil", "Brasilia": "Brazil", "São Paulo": "Brazil", "Rio de Janeiro": "Brazil", "Sofia": "Bulgaria",
    "Phnom Penh": "Cambodia", "Ottawa": "Canada", "Toronto": "Canada", "Montreal": "Canada", "Santiago": "Chile",
    "Beijing": "China", "Shanghai": "China", "Hong Kong": "China", "Bogotá": "Colombia", "Bogota": "Colombia",
    "San José": "Costa Rica", "Zagreb": "Croatia", "Havana": "Cuba", "Nicosia": "Cyprus", "Prague": "Czech Republic",
    "Copenhagen": "Denmark", "Quito": "Ecuador", "Cairo": "Egypt", "Tallinn": "Estonia", "Addis Ababa": "Ethiopia",
    "Helsinki": "Finland", "Paris": "France", "Lyon": "France", "Marseille": "France", "Tbilisi": "Georgia",
    "Berlin": "Germany", "Bonn": "Germany", "Munich": "Germany", "Hamburg": "Germany", "Frankfurt": "Germany",
    "Cologne": "Germany", "Accra": "Ghana", "Athens": "Greece", "Budapest": "Hungary", "Reykjavík": "Iceland",
    "Reykjavik": "Iceland", "New Delhi": "India", "Mumbai": "India", "Jakarta": "Indonesia", "Tehran": "Iran",
    "Baghdad": "Iraq", "Dublin": "Ireland", "Jerusalem": "Israel", "Tel Aviv": "Israel", "Rome": "Italy", "Milan": "Italy",
    "Tokyo": "Japan", "Osaka": "Japan", "Amman": "Jordan", "Astana": "Kazakhstan", "Nur-Sultan": "Kazakhstan",
    "Almaty": "Kazakhstan", "Nairobi": "Kenya", "Pristina": "Kosovo", "Kuwait City": "Kuwait", "Bishkek": "Kyrgyzstan",
    "Vientiane": "Laos", "Riga": "Latvia", "Beirut": "Lebanon", "Tripoli": "Libya", "Vilnius": "Lithuania",
    "Kuala Lumpur": "Malaysia", "Mexico City": "Mexico", "Chișinău": "Moldova", "Chisinau": "Moldova",
    "Ulaanbaatar": "Mongolia", "Podgorica": "Montenegro", "Rabat": "Morocco", "Amsterdam": "Netherlands",
    "The Hague": "Netherlands", "Wellington": "New Zealand", "Abuja": "Nigeria", "Pyongyang": "North Korea",
    "Skopje": "North Macedonia", "Oslo": "Norway", "Islamabad": "Pakistan", "Panama City": "Panama",
    "Asunción": "Paraguay", "Lima": "Peru", "Manila": "Philippines", "Warsaw": "Poland", "Kraków": "Poland",
    "Krakow": "Poland", "Gdańsk": "Poland", "Wrocław": "Poland", "Poznań": "Poland", "Łódź": "Poland",
    "Lisbon": "Portugal", "Doha": "Qatar", "Bucharest": "Romania", "Moscow": "Russia", "Saint Petersburg": "Russia",
    "St. Petersburg": "Russia", "Riyadh": "Saudi Arabia", "Belgrade": "Serbia", "Bratislava": "Slovakia",
    "Ljubljana": "Slovenia", "Pretoria": "South Africa", "Seoul": "South Korea", "Madrid": "Spain", "Barcelona": "Spain",
    "Colombo": "Sri Lanka", "Stockholm": "Sweden", "Bern": "Switzerland", "Geneva": "Switzerland", "Zurich": "Switzerland",
    "Damascus": "Syria", "Taipei": "Taiwan", "Dushanbe": "Tajikistan", "Bangkok": "Thailand", "Tunis": "Tunisia",
    "Ankara": "Turkey", "Istanbul": "Turkey", "Ashgabat": "Turkmenistan", "Kyiv": "Ukraine", "Kiev": "Ukraine",
    "Lviv": "Ukraine", "London": "United Kingdom", "Edinburgh": "United Kingdom", "Washington": "United States",
    "Washington, D.C.": "United States", "New York": "United States", "Chicago": "United States",
    "Montevideo": "Uruguay", "Tashkent": "Uzbekistan", "Caracas": "Venezuela", "Hanoi": "Vietnam", "Sanaa": "Yemen",
}  # fmt: skip


def demonym_of(country: str) -> str:
    """The adjective for a country ("Poland" → "Polish"), or "" when the gazetteer does not know it."""
    names = COUNTRIES.get(country, ())
    return names[0] if names else ""

"""A hand-built fact base from the five seed documents, as extraction would produce it.

Written by hand (extraction is built in parallel) but in extraction's shape: self-contained
statements, the answer as written in the statement, typed values, roles for people and places.
Offsets are not meaningful here; generation never reads them.
"""

from __future__ import annotations

from facts.extraction.types import AnswerType, DatePrecision, FactData

AZ = "Azerbaijan–Poland relations"
KZ = "Kazakhstan–Poland relations"
KG = "Kyrgyzstan–Poland relations"
NK = "North Korea–Poland relations"
PE = "Peru–Poland relations"

D = AnswerType.DATE
N = AnswerType.NUMBER
P = AnswerType.PERSON
PL = AnswerType.PLACE
C = AnswerType.COUNTRY
O = AnswerType.ORGANISATION  # noqa: E741
ORD = AnswerType.ORDINAL


def fact(statement: str, answer: str, answer_type: AnswerType, document: str, **values: object) -> FactData:
    """A FactData with the provenance fields filled in plausibly."""
    start = 0
    return FactData(
        statement=statement,
        answer=answer,
        answer_type=answer_type,
        section=str(values.pop("section", "")),
        source_start=start,
        source_end=start + len(statement),
        document=document,
        **values,  # type: ignore[arg-type]
    )


def day(iso: str) -> dict[str, object]:
    return {"date": iso, "date_precision": DatePrecision.DAY}


def month(iso: str) -> dict[str, object]:
    return {"date": iso, "date_precision": DatePrecision.MONTH}


def year(iso: str) -> dict[str, object]:
    return {"date": iso, "date_precision": DatePrecision.YEAR}


def number(value: float, unit: str = "", qualifier: str = "") -> dict[str, object]:
    return {"number": value, "unit": unit, "qualifier": qualifier}


RECOGNITION_KG = fact(
    "Poland recognized Kyrgyzstan on 27 December 1991.", "27 December 1991", D, KG, **day("1991-12-27")
)
RECOGNITION_KG_COUNTRY = fact("Poland recognized Kyrgyzstan on 27 December 1991.", "Kyrgyzstan", C, KG)
RECOGNITION_AZ = fact(
    "Poland recognized Azerbaijan’s independence on December 27, 1991.",
    "December 27, 1991",
    D,
    AZ,
    **day("1991-12-27"),
)
RECOGNITION_AZ_COUNTRY = fact(
    "Poland recognized Azerbaijan’s independence on December 27, 1991.", "Azerbaijan", C, AZ
)
RECOGNITION_NK = fact(
    "Poland recognized the DPRK on 16 October 1948 as the sole legitimate government of the whole Korea.",
    "16 October 1948",
    D,
    NK,
    **day("1948-10-16"),
)
KWASNIEWSKI_KG = fact("President Aleksander Kwaśniewski visited Kyrgyzstan in 2002.", "Kyrgyzstan", C, KG)
KWASNIEWSKI_KG_YEAR = fact(
    "President Aleksander Kwaśniewski visited Kyrgyzstan in 2002.", "2002", D, KG, **year("2002")
)
KWASNIEWSKI_PE = fact(
    "In 2002, President Aleksander Kwaśniewski paid a visit to Peru, becoming the first Polish head of state to do so.",
    "Peru",
    C,
    PE,
)
KWASNIEWSKI_PE_PERSON = fact(
    "In 2002, President Aleksander Kwaśniewski paid a visit to Peru, becoming the first Polish head of state to do so.",
    "Aleksander Kwaśniewski",
    P,
    PE,
    role="President",
)
KACZYNSKI_AZ = fact("Poland's then President Lech Kaczyński visited Azerbaijan in 2007.", "Azerbaijan", C, AZ)
KACZYNSKI_AZ_PERSON = fact(
    "Poland's then President Lech Kaczyński visited Azerbaijan in 2007.",
    "Lech Kaczyński",
    P,
    AZ,
    role="President",
)
KACZYNSKI_KZ = fact("Polish President Lech Kaczyński visited Kazakhstan in 2007.", "Kazakhstan", C, KZ)
KWASNIEWSKI_KZ = fact(
    "Polish President Aleksander Kwaśniewski visited Kazakhstan in 1999.", "1999", D, KZ, **year("1999")
)

FACTS: list[FactData] = [
    # Kyrgyzstan
    RECOGNITION_KG,
    RECOGNITION_KG_COUNTRY,
    fact(
        "Bilateral relations between Kyrgyzstan and Poland were established on 10 February 1992.",
        "10 February 1992",
        D,
        KG,
        **day("1992-02-10"),
    ),
    fact(
        "A double tax avoidance agreement was signed between Kyrgyzstan and Poland in 1998.",
        "1998",
        D,
        KG,
        **year("1998"),
    ),
    fact(
        "A cultural and scientific cooperation treaty was signed between Kyrgyzstan and Poland in 1993.",
        "1993",
        D,
        KG,
        **year("1993"),
    ),
    fact(
        "In October 2021, Poland donated 55,200 COVID-19 vaccines to Kyrgyzstan.",
        "55,200",
        N,
        KG,
        **number(55200, "COVID-19 vaccines"),
    ),
    fact(
        "In October 2021, Poland donated 55,200 COVID-19 vaccines to Kyrgyzstan.",
        "October 2021",
        D,
        KG,
        **month("2021-10"),
    ),
    fact(
        "As of 1943, there were still over 11,000 Polish citizens in the Kyrgyz SSR, according to Soviet data.",
        "over 11,000",
        N,
        KG,
        **number(11000, "Polish citizens", "over"),
    ),
    fact(
        "After the war, over 11,500 Poles were repatriated from the Kyrgyz SSR to Poland in 1946–1948.",
        "over 11,500",
        N,
        KG,
        **number(11500, "Poles", "over"),
    ),
    fact(
        "According to the census of 1959, 1,086 Poles lived in the Kyrgyz SSR.",
        "1,086",
        N,
        KG,
        **number(1086, "Poles"),
    ),
    fact("In 1890, 240 Poles lived in present-day Kyrgyzstan.", "240", N, KG, **number(240, "Poles")),
    fact(
        "Kyrgyzstani students were the 22nd largest group of foreign students in Poland in 2021.",
        "22nd",
        ORD,
        KG,
    ),
    fact(
        "Kyrgyzstani students were the 18th largest group of foreign students in Poland in 2024.",
        "18th",
        ORD,
        KG,
    ),
    fact("President Askar Akayev visited Poland in 1998.", "Askar Akayev", P, KG, role="President"),
    fact("President Askar Akayev visited Poland in 1998.", "1998", D, KG, **year("1998")),
    fact("President Askar Akayev visited Poland in 2004.", "2004", D, KG, **year("2004")),
    fact(
        "Prime Minister Igor Chudinov visited Poland in 2008.", "Igor Chudinov", P, KG, role="Prime Minister"
    ),
    KWASNIEWSKI_KG,
    KWASNIEWSKI_KG_YEAR,
    fact("Poland has an honorary consulate in Bishkek.", "Bishkek", PL, KG, role="city"),
    fact("Kyrgyzstan has an honorary consulate in Gliwice.", "Gliwice", PL, KG, role="city"),
    fact("The Polish Tank Training Centre was based in Kayyngdy.", "Kayyngdy", PL, KG, role="village"),
    fact("There is a Polish cemetery in Jalal-Abad.", "Jalal-Abad", PL, KG, role="city"),
    # Kazakhstan
    fact(
        "Poland and Kazakhstan established formal diplomatic relations in 1992.",
        "1992",
        D,
        KZ,
        **year("1992"),
    ),
    fact(
        "A double tax avoidance agreement was signed between Poland and Kazakhstan in 1995.",
        "1995",
        D,
        KZ,
        **year("1995"),
        question="In which year did Poland and Kazakhstan sign a double tax avoidance agreement?",
    ),
    fact(
        "As of 1943, there were still nearly 77,000 Polish citizens in Kazakhstan, according to Soviet data.",
        "nearly 77,000",
        N,
        KZ,
        **number(77000, "Polish citizens", "nearly"),
    ),
    fact(
        "Nursultan Nazarbayev paid an official visit to Poland from 23 to 26 May 2002.",
        "Nursultan Nazarbayev",
        P,
        KZ,
        role="President",
    ),
    fact(
        "President Andrzej Duda paid a state visit to Kazakhstan from 6 to 8 September 2017.",
        "Andrzej Duda",
        P,
        KZ,
        role="President",
    ),
    fact(
        "Prime Minister Leszek Miller met President Nursultan Nazarbayev in Poland in May 2002.",
        "Leszek Miller",
        P,
        KZ,
        role="Prime Minister",
    ),
    fact(
        "Marshal of the Sejm Marek Borowski met President Nursultan Nazarbayev in Poland in May 2002.",
        "Marek Borowski",
        P,
        KZ,
        role="Marshal of the Sejm",
    ),
    KACZYNSKI_KZ,
    KWASNIEWSKI_KZ,
    fact(
        "Trade turnover between Kazakhstan and Poland exceeded $2.2 billion in 2014.",
        "$2.2 billion",
        N,
        KZ,
        **number(2.2e9, "$"),
    ),
    fact(
        "Kazakhstani students were the ninth largest group of foreign students in Poland in 2021.",
        "ninth",
        ORD,
        KZ,
    ),
    fact(
        "LOT Polish Airlines operates a service from Warsaw to Astana.",
        "LOT Polish Airlines",
        O,
        KZ,
        role="airline",
    ),
    fact("Poland has a consulate-general in Almaty.", "Almaty", PL, KZ, role="city"),
    fact("Poland has an embassy in Astana.", "Astana", PL, KZ, role="city"),
    fact("Kazakhstan has an embassy in Warsaw.", "Kazakhstan", C, KZ),
    # Azerbaijan
    RECOGNITION_AZ,
    RECOGNITION_AZ_COUNTRY,
    fact(
        "The embassy of Poland opened in Azerbaijan on August 23, 2001.",
        "August 23, 2001",
        D,
        AZ,
        **day("2001-08-23"),
    ),
    fact(
        "The Azerbaijani Embassy in Poland opened on August 30, 2004.",
        "August 30, 2004",
        D,
        AZ,
        **day("2004-08-30"),
    ),
    KACZYNSKI_AZ,
    KACZYNSKI_AZ_PERSON,
    fact(
        "On February 26, 2008, President of Azerbaijan Ilham Aliyev paid a visit to Poland.",
        "Ilham Aliyev",
        P,
        AZ,
        role="President",
    ),
    fact(
        "In 2008, turnover of goods between Azerbaijan and Poland reached $166.9 million.",
        "$166.9 million",
        N,
        AZ,
        **number(166.9e6, "$"),
    ),
    fact(
        "In 1472, diplomatic missions were exchanged between Aq Qoyunlu and the Jagiellonian dynasty of Poland.",
        "1472",
        D,
        AZ,
        **year("1472"),
    ),
    fact(
        "Mammed Amin Rasulzade founded the Azerbaijan Democratic Republic in 1918.",
        "1918",
        D,
        AZ,
        **year("1918"),
    ),
    fact(
        "Polish general Maciej Sulkiewicz became the first chief of staff of the army of the Azerbaijan Democratic "
        "Republic.",
        "Maciej Sulkiewicz",
        P,
        AZ,
        role="general",
    ),
    fact(
        "Hamid Mahammadzadeh was among 22,000 Polish nationals shot by the NKVD in 1940.",
        "22,000",
        N,
        AZ,
        **number(22000, "Polish nationals"),
    ),
    fact(
        "The Center for Polish Language and Culture at the Baku Slavic University was opened on November 9, 2006.",
        "November 9, 2006",
        D,
        AZ,
        **day("2006-11-09"),
    ),
    fact(
        "Azeri students were the eighth largest group of foreign students in Poland in 2021.",
        "eighth",
        ORD,
        AZ,
    ),
    fact(
        "Azeri students were the fifth largest group of foreign students in Poland in 2023.", "fifth", ORD, AZ
    ),
    fact("Poland has an embassy in Baku.", "Baku", PL, AZ, role="city"),
    fact("Azerbaijan has an embassy in Warsaw.", "Azerbaijan", C, AZ),
    fact(
        'Ismayil Gutgashinli\'s "Rashid bey and Saadat khanum" was first published in Poland in 1835.',
        "1835",
        D,
        AZ,
        **year("1835"),
    ),
    # North Korea
    RECOGNITION_NK,
    fact(
        "According to a 2013 BBC World Service Poll, only 5% of Poles view North Korea's influence positively.",
        "5%",
        N,
        NK,
        **number(5, "%"),
    ),
    fact(
        "During the Korean War, Poland took in 1,400 North Korean children and youth.",
        "1,400",
        N,
        NK,
        **number(1400, "North Korean children and youth"),
    ),
    fact("Chopol was established in 1987.", "1987", D, NK, **year("1987")),
    fact(
        "Chopol was liquidated in July 2018 by the Polish Ministry of Foreign Affairs.",
        "July 2018",
        D,
        NK,
        **month("2018-07"),
    ),
    fact(
        "Chairman Wojciech Jaruzelski visited North Korea in 1986.",
        "Wojciech Jaruzelski",
        P,
        NK,
        role="Chairman",
    ),
    fact("President Kim Il Sung visited Poland in 1984.", "Kim Il Sung", P, NK, role="President"),
    fact("North Korea maintains an embassy in Warsaw.", "North Korea", C, NK),
    fact("Poland maintains its embassy in Pyongyang.", "Pyongyang", PL, NK, role="city"),
    fact(
        "The Korean People's Army expelled the Poles and Czechs from the camps in 1993.",
        "Korean People's Army",
        O,
        NK,
        role="army",
    ),
    fact(
        "As of 2024, Poland and North Korea have signed 8 bilateral treaties.",
        "8",
        N,
        NK,
        **number(8, "bilateral treaties"),
    ),
    # Peru
    fact("In 1921, Poland established an honorary consulate in Lima.", "1921", D, PE, **year("1921")),
    fact(
        "In 1923, Peru and Poland officially established diplomatic relations.", "1923", D, PE, **year("1923")
    ),
    fact("In 1969, Peru opened its embassy in Warsaw.", "1969", D, PE, **year("1969")),
    fact(
        "In 1989, President Alan Garcia became the first Peruvian head of state to visit Poland.",
        "Alan Garcia",
        P,
        PE,
        role="President",
    ),
    fact(
        "In 1998, Peruvian President Alberto Fujimori paid a visit to Poland.",
        "Alberto Fujimori",
        P,
        PE,
        role="President",
    ),
    fact(
        "In May 2008, Prime Minister Donald Tusk paid an official visit to Peru.",
        "Donald Tusk",
        P,
        PE,
        role="Prime Minister",
    ),
    fact(
        "In 2007, former Polish President Lech Wałęsa paid a visit to Peru.",
        "Lech Wałęsa",
        P,
        PE,
        role="President",
    ),
    KWASNIEWSKI_PE,
    KWASNIEWSKI_PE_PERSON,
    fact(
        "Ernest Malinowski built the Ferrocarril Central Andino railway in the Peruvian Andes.",
        "Ernest Malinowski",
        P,
        PE,
        role="engineer",
    ),
    fact(
        "In 2018, trade between Peru and Poland totaled US$201 million.",
        "US$201 million",
        N,
        PE,
        **number(201e6, "US$"),
    ),
    fact(
        "In 2022, trade between Peru and Poland totaled US$266 million.",
        "US$266 million",
        N,
        PE,
        **number(266e6, "US$"),
    ),
    fact(
        "Peru and Poland celebrated 100 years of diplomatic relations in 2023.", "2023", D, PE, **year("2023")
    ),
    fact("Peru has an embassy in Warsaw.", "Peru", C, PE),
    fact("Poland has an embassy in Lima.", "Lima", PL, PE, role="city"),
    fact(
        "Poland and Peru signed an Agreement on the Transfer of Prisoners in 2014.",
        "2014",
        D,
        PE,
        **year("2014"),
    ),
    fact("Poland and Peru signed an Agreement on Trade in 1968.", "1968", D, PE, **year("1968")),
]

"""A general list of the world's countries, grouped by region, for country distractors.

Used after the countries of the fact base run out: a neighbour of the answer ("Kazakhstan" for
"Kyrgyzstan") is a far more plausible wrong answer than a country from another continent.
Short English names as an encyclopedia writes them.
"""

from __future__ import annotations

from functools import cache

from facts.language.text import fold

_DATA = """
Europe/North: Denmark; Estonia; Finland; Iceland; Ireland; Latvia; Lithuania; Norway; Sweden; United Kingdom
Europe/West: Austria; Belgium; France; Germany; Liechtenstein; Luxembourg; Monaco; Netherlands; Switzerland
Europe/East: Belarus; Bulgaria; Czech Republic; Hungary; Moldova; Poland; Romania; Russia; Slovakia; Ukraine
Europe/South: Albania; Andorra; Bosnia and Herzegovina; Croatia; Greece; Italy; Kosovo; Malta; Montenegro; \
North Macedonia; Portugal; San Marino; Serbia; Slovenia; Spain; Vatican City
Asia/Central: Kazakhstan; Kyrgyzstan; Tajikistan; Turkmenistan; Uzbekistan
Asia/West: Armenia; Azerbaijan; Bahrain; Cyprus; Georgia; Iraq; Israel; Jordan; Kuwait; Lebanon; Oman; Qatar; \
Saudi Arabia; Syria; Turkey; United Arab Emirates; Yemen
Asia/South: Afghanistan; Bangladesh; Bhutan; India; Iran; Maldives; Nepal; Pakistan; Sri Lanka
Asia/East: China; Japan; Mongolia; North Korea; South Korea; Taiwan
Asia/Southeast: Brunei; Cambodia; East Timor; Indonesia; Laos; Malaysia; Myanmar; Philippines; Singapore; \
Thailand; Vietnam
Africa/North: Algeria; Egypt; Libya; Morocco; Sudan; Tunisia
Africa/West: Benin; Burkina Faso; Cape Verde; Gambia; Ghana; Guinea; Guinea-Bissau; Ivory Coast; Liberia; Mali; \
Mauritania; Niger; Nigeria; Senegal; Sierra Leone; Togo
Africa/Middle: Angola; Cameroon; Central African Republic; Chad; Republic of the Congo; \
Democratic Republic of the Congo; Equatorial Guinea; Gabon; São Tomé and Príncipe
Africa/East: Burundi; Comoros; Djibouti; Eritrea; Ethiopia; Kenya; Madagascar; Malawi; Mauritius; Mozambique; \
Rwanda; Seychelles; Somalia; South Sudan; Tanzania; Uganda; Zambia; Zimbabwe
Africa/South: Botswana; Eswatini; Lesotho; Namibia; South Africa
Americas/North: Canada; Mexico; United States
Americas/Central: Belize; Costa Rica; El Salvador; Guatemala; Honduras; Nicaragua; Panama
Americas/Caribbean: Antigua and Barbuda; Bahamas; Barbados; Cuba; Dominica; Dominican Republic; Grenada; Haiti; \
Jamaica; Saint Kitts and Nevis; Saint Lucia; Saint Vincent and the Grenadines; Trinidad and Tobago
Americas/South: Argentina; Bolivia; Brazil; Chile; Colombia; Ecuador; Guyana; Paraguay; Peru; Suriname; \
Uruguay; Venezuela
Oceania/All: Australia; Fiji; Kiribati; Marshall Islands; Micronesia; Nauru; New Zealand; Palau; \
Papua New Guinea; Samoa; Solomon Islands; Tonga; Tuvalu; Vanuatu
"""

# Other names the same countries go by in running text, folded → the list's name.
_ALIASES = {
    "dprk": "North Korea",
    "democratic people's republic of korea": "North Korea",
    "republic of korea": "South Korea",
    "usa": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "great britain": "United Kingdom",
    "czechia": "Czech Republic",
    "turkiye": "Turkey",
    "cote d'ivoire": "Ivory Coast",
    "burma": "Myanmar",
    "timor-leste": "East Timor",
    "swaziland": "Eswatini",
    "republic of poland": "Poland",
    "republic of peru": "Peru",
}


@cache
def country_regions() -> dict[str, str]:
    """Country name → "Region/Subregion"."""
    regions: dict[str, str] = {}
    for line in _DATA.replace("\\\n", " ").strip().splitlines():
        region, names = line.split(":", 1)
        for name in names.split(";"):
            regions[name.strip()] = region.strip()
    return regions


@cache
def _folded_index() -> dict[str, str]:
    index = {fold(name): name for name in country_regions()}
    index.update({fold(alias): name for alias, name in _ALIASES.items()})
    return index


@cache
def country_names() -> tuple[str, ...]:
    """Every folded name and alias in the list, longest first (so "north korea" beats "korea")."""
    return tuple(sorted(_folded_index(), key=len, reverse=True))


def canonical_country(text: str) -> str | None:
    """The list's name for a country written as ``text`` ("the DPRK" → "North Korea"), or None."""
    folded = fold(text)
    if folded.startswith("the "):
        folded = folded[4:]
    return _folded_index().get(folded)


def region_of(name: str) -> str | None:
    """ "Asia/Central" for "Kyrgyzstan"; None for names not in the list."""
    canonical = canonical_country(name)
    return country_regions().get(canonical) if canonical else None

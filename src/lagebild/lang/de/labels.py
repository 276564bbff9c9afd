"""How a quantity's kind and action read in German ("killed" -> "Tote", "deployed" -> "entsandt"):
grouping writes them into group labels, the web app into its measure filter."""

KIND_LABELS = {
    "killed": "Tote", "injured": "Verletzte", "killed_or_injured": "Tote oder Verletzte",
    "killed_or_missing": "Tote oder Vermisste", "jobs": "Arbeitsplätze", "vehicles": "Fahrzeuge",
    "missing": "Vermisste", "displaced": "Vertriebene/Geflüchtete", "detained": "Festgenommene/Gefangene",
    "attendees": "Teilnehmende", "sites": "Orte", "people": "Menschen", "money": "Geldbetrag",
    "percent": "Prozent", "measurement": "Maß", "incidents": "Vorfälle", "rescued": "Gerettete",
    "aboard": "an Bord", "rating": "Messwert",
}
ACTION_LABELS = {
    "planned": "geplant", "deployed": "entsandt", "strength": "Truppenstärke", "serious": "schwer",
    "light": "leicht", "expected": "erwartet", "asylum": "Asylanträge", "homeless": "obdachlos",
    "evacuated": "evakuiert", "fled": "geflohen", "cut": "gestrichen", "created": "neu geschaffen",
    "captured": "eingenommen", "damaged": "beschädigt", "arrived": "angekommen", "waiting": "wartend",
    "registered": "registriert", "housed": "untergebracht", "moved_on": "weitergereist",
    "change": "Veränderung",
}

"""Language resources of lagebild (lang/de: German)."""

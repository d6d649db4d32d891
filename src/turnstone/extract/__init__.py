"""Extract: entities and actors, quotes, times, places and events from an analysed article."""

"""The knowledge base: countries, organisations, officials and agents for actor coding."""

"""Plain typed domain objects and the rules that govern them."""

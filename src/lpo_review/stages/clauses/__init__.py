"""Contract clause extraction (CUAD's 41 categories) and the contract abstract."""

"""Reading uploaded files into typed rows with reasons for every rejected row (SPEC 2.4)."""

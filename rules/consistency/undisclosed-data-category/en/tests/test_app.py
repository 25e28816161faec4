# ok: undisclosed-data-category
TEST_PASSPORT_HOLDER = {"passport_number": "E12345678"}

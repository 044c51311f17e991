-- Indexes for the run search (lib/trips/search-trips.ts), designed from its query plans on the
-- bench's data set (`npm run bench`: 100,000 runs, 1,000,000 bookings). Before them, a search
-- read every run of the date window through trips_departure_on_origin_city_id_departure_at_idx
-- and sorted them (≈ 4,000 rows and 2,500 buffers for 20 results at 100,000 runs, ten times that
-- at 1,000,000). With them a page is read in result order and the scan stops after limit + 1
-- rows, on page 1 and page 1,000 alike, whatever the table's size.
--
-- Key order: status (the search shows SCHEDULED runs only: the past, which only grows, is a
-- separate part of each index that the search never reads), the origin when given, then the ORDER
-- BY columns, then the filters the search may add (checkpoint, destination, origin): conditions on
-- those are checked on the index entry, so runs that do not match cost no table read.
--
-- Not partial (WHERE status = 'SCHEDULED'), which would be smaller: a partial index's predicate
-- ties it to the enum type of `status`, and schema.prisma could not declare it.

-- Sort by time, from a city (the usual search).
CREATE INDEX "trips_search_origin_time_idx" ON "trips"("status", "origin_city_id", "departure_at", "id", "checkpoint_id", "destination_city_id");
-- Sort by price, from a city.
CREATE INDEX "trips_search_origin_price_idx" ON "trips"("status", "origin_city_id", "seat_price_tenge", "departure_at", "id", "checkpoint_id", "destination_city_id");
-- Sort by time, any origin (a search by checkpoint or destination only).
CREATE INDEX "trips_search_time_idx" ON "trips"("status", "departure_at", "id", "origin_city_id", "checkpoint_id", "destination_city_id");
-- Sort by price, any origin.
CREATE INDEX "trips_search_price_idx" ON "trips"("status", "seat_price_tenge", "departure_at", "id", "origin_city_id", "checkpoint_id", "destination_city_id");

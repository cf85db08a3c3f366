-- References number per requesting State, requested State and year (FRA-DEU-2026-000042), so that the requested
-- State learns nothing of the requesting State's traffic with others. Each pair resumes after the highest number
-- it already holds, so no reference repeats.
DROP TABLE reference_counters;

CREATE TABLE reference_counters (
    requesting_state TEXT COLLATE "C" NOT NULL,
    requested_state TEXT COLLATE "C" NOT NULL,
    year INTEGER NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (requesting_state, requested_state, year)
);

INSERT INTO reference_counters (requesting_state, requested_state, year, last)
SELECT requesting_state, requested_state, year, MAX(number)
FROM (
    SELECT requesting_state, requested_state,
        CAST(substr(reference, length(requesting_state) + length(requested_state) + 3, 4) AS INTEGER) AS year,
        CAST(substr(reference, length(requesting_state) + length(requested_state) + 8) AS BIGINT) AS number
    FROM requests
    WHERE reference IS NOT NULL
) AS issued
GROUP BY requesting_state, requested_state, year;

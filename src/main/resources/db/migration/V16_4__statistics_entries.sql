-- Figures of the statistics forms of Circular 02/2023/TT-BNV that the system does not hold (enterprises, business
-- people, leader tiers, resistance-era awards, movements of other levels, ...), entered by Sở Nội vụ through
-- PUT /api/reports/statistics/entries (audit.StatisticsService): shown in the form's empty cells; each change is an
-- audit record STATISTICS_ENTERED with the value before and after.
CREATE TABLE statistics_entry (
    report_year   INTEGER      NOT NULL,
    form_code     VARCHAR(32)  NOT NULL,             -- e.g. 0603.N/BNV-TĐKT
    row_code      VARCHAR(8)   NOT NULL,             -- the form's mã số, e.g. 03
    column_index  INTEGER      NOT NULL,             -- 0: Tổng số; 1, 2, ...: the form's columns in order
    amount        BIGINT       NOT NULL,
    entered_by    VARCHAR(64)  NOT NULL,
    entered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (report_year, form_code, row_code, column_index)
);

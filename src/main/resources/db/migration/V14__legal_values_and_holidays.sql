-- Legal values with their sources (issue 18).
-- 1. Reward coefficients: each row's source says how far it was checked: "đã đối chiếu nguyên văn" (the original
--    text was read), "theo nguồn thứ cấp" (a summary: press, legal portals), or "cần xác nhận" (not verified).
--    Sources longer than 300 characters need a wider column.
ALTER TABLE award_reward ALTER COLUMN legal_basis SET DATA TYPE VARCHAR(600);
ALTER TABLE award_type ALTER COLUMN legal_basis SET DATA TYPE VARCHAR(600);

UPDATE award_reward SET legal_basis = 'Nghị định 98/2023/NĐ-CP, Điều 54 (mức tiền thưởng danh hiệu thi đua; theo nguồn thứ cấp: tóm tắt của thuvienphapluat.vn)'
 WHERE valid_from = '2024-01-01' AND award_type IN ('CSTD_TQ', 'CSTD_TINH', 'CSTD_CS', 'LDTT', 'TTLDXS');
UPDATE award_reward SET legal_basis = 'Nghị định 98/2023/NĐ-CP, Điều 54 (mức tiền thưởng danh hiệu thi đua tập thể; cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2024-01-01' AND award_type IN ('TTLDTT', 'CO_CP', 'CO_TINH');
UPDATE award_reward SET legal_basis = 'Nghị định 152/2025/NĐ-CP (mức tiền thưởng danh hiệu thi đua; giữ như Nghị định 98/2023 — cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2025-07-01' AND award_type IN ('CSTD_TQ', 'CSTD_TINH', 'CSTD_CS', 'LDTT', 'TTLDXS', 'TTLDTT', 'CO_CP', 'CO_TINH');
UPDATE award_reward SET legal_basis = 'Nghị định 98/2023/NĐ-CP (mức tiền thưởng Huân chương Lao động hạng Ba; cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2024-01-01' AND award_type = 'HCLD_3';
UPDATE award_reward SET legal_basis = 'Nghị định 152/2025/NĐ-CP (mức tiền thưởng Huân chương Lao động hạng Ba; cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2025-07-01' AND award_type = 'HCLD_3';
UPDATE award_reward SET legal_basis = 'Nghị định 98/2023/NĐ-CP, Điều 58 (Bằng khen của Thủ tướng Chính phủ: cá nhân 1,5; tập thể gấp đôi cá nhân — cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2024-01-01' AND award_type = 'BK_TTG';
UPDATE award_reward SET legal_basis = 'Nghị định 98/2023/NĐ-CP, Điều 58 (Bằng khen cấp tỉnh: cá nhân 1,0; tập thể gấp đôi cá nhân — cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2024-01-01' AND award_type = 'BK_TINH';
UPDATE award_reward SET legal_basis = 'Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b (Bằng khen cấp tỉnh: cá nhân 1,5; tập thể gấp đôi cá nhân — cần xác nhận: chưa đọc nguyên văn)'
 WHERE valid_from = '2025-07-01' AND award_type = 'BK_TINH';
-- Decree 152/2025 Art. 54(1)(a) is reported to give an individual 3.5 times the base salary (issue 18; secondary
-- source only); a collective twice an individual's, a household as an individual, as in the rows before.
UPDATE award_reward SET individual_coeff = 3.5, collective_coeff = 7.0, household_coeff = 3.5,
  legal_basis = 'Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm a (Bằng khen của Thủ tướng Chính phủ: cá nhân 3,5 — theo nguồn thứ cấp; tập thể gấp đôi cá nhân — cần xác nhận)'
 WHERE valid_from = '2025-07-01' AND award_type = 'BK_TTG';

-- 2. Who decides: the Chairman's power over provincial awards is in Art. 79 of the Law (Art. 80 is that of heads
--    of agencies, communes and enterprises: Công báo số 571+572/2022, read in the original).
UPDATE award_type SET legal_basis = 'Luật Thi đua, khen thưởng 2022, Điều 22 (tiêu chuẩn); Điều 79 (thẩm quyền Chủ tịch UBND cấp tỉnh — cần xác nhận khoản)' WHERE code = 'CSTD_TINH';
UPDATE award_type SET legal_basis = 'Luật Thi đua, khen thưởng 2022, Điều 74 (tiêu chuẩn); Điều 79 (thẩm quyền Chủ tịch UBND cấp tỉnh — cần xác nhận khoản)' WHERE code = 'BK_TINH';
UPDATE award_type SET legal_basis = 'Luật Thi đua, khen thưởng 2022, Điều 26 (tiêu chuẩn); Điều 79 (thẩm quyền Chủ tịch UBND cấp tỉnh — cần xác nhận khoản)' WHERE code = 'CO_TINH';
UPDATE award_type SET legal_basis = 'Luật Thi đua, khen thưởng 2022, Điều 27 (tiêu chuẩn); Điều 79 (thẩm quyền Chủ tịch UBND cấp tỉnh — cần xác nhận khoản)' WHERE code = 'TTLDXS';
UPDATE award_type SET legal_basis = 'Luật Thi đua, khen thưởng 2022, Điều 25 (tiêu chuẩn); thẩm quyền quyết định: Chính phủ hay Thủ tướng Chính phủ — cần xác nhận theo Luật 2022' WHERE code = 'CO_CP';
UPDATE award_type SET legal_basis = 'Luật Thi đua, khen thưởng 2022, Điều 80 (thẩm quyền Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã — đã đối chiếu nguyên văn, Công báo số 571+572/2022); tiêu chuẩn Điều 23' WHERE code = 'CSTD_CS';

-- 3. Public holidays and make-up working days, editable by administrators (calendar.HolidayController), each change
--    in the audit records. kind: HOLIDAY (a day off) or WORKING_DAY (a weekend day worked in exchange, ngày làm bù).
--    confirmed: false while the day rests on a computation or an expected notice, not on the published notice.
CREATE TABLE calendar_day (
    on_date             DATE          PRIMARY KEY,
    kind                VARCHAR(16)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    source              VARCHAR(600)  NOT NULL,
    confirmed           BOOLEAN       NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO calendar_day (on_date, kind, name, source, confirmed, updated_by, updated_at) VALUES
 ('2025-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-25', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (nghỉ liền 9 ngày)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; Thông báo của Bộ Nội vụ về lịch nghỉ Tết 2025 (như cấu hình trước đây)', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-26', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-27', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-28', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-29', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ (mùng 1)', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-30', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-01-31', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-02-01', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-02-02', 'HOLIDAY', 'Tết Nguyên đán Ất Tỵ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-04-07', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-04-26', 'WORKING_DAY', 'Làm bù cho nghỉ 02/5/2025', 'Thông báo của Bộ Nội vụ về lịch nghỉ 30/4 - 1/5/2025 (như cấu hình trước đây)', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-05-02', 'HOLIDAY', 'Nghỉ hoán đổi (làm bù 26/4/2025)', 'Thông báo của Bộ Nội vụ về lịch nghỉ 30/4 - 1/5/2025 (như cấu hình trước đây)', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2025-09-02', 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-14', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (nghỉ liền 9 ngày, 14/2 - 22/2/2026)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b; phương án nghỉ Tết 2026 đã chốt (theo nguồn thứ cấp: congan.com.vn, daidoanket.vn)', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-15', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-16', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-17', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ (mùng 1)', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-18', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-19', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-20', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-21', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-02-22', 'HOLIDAY', 'Tết Nguyên đán Bính Ngọ', 'Như trên', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-04-27', 'HOLIDAY', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Bộ luật Lao động 2019, Điều 112 khoản 3 (nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần)', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-09-01', 'HOLIDAY', 'Quốc khánh (ngày liền kề)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2026-09-02', 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ', TRUE, 'system', CURRENT_TIMESTAMP),
 -- 2027: the fixed-date holidays are certain; the lunar dates are computed (Hồ Ngọc Đức's algorithm at UTC+7,
 -- which gives the known 29/01/2025, 17/02/2026, 07/04/2025 and 26/04/2026), and which days of Tết, the day next to
 -- 2 September and any make-up days are off is set by the yearly notice: not yet found, so "cần xác nhận".
 ('2027-01-01', 'HOLIDAY', 'Tết Dương lịch', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm a', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2027-02-05', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b (05 ngày); ngày cụ thể và ngày nghỉ bù theo thông báo hằng năm — cần xác nhận (chưa có thông báo)', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-02-06', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 1)', 'Như trên — cần xác nhận', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-02-07', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 2)', 'Như trên — cần xác nhận', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-02-08', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 3)', 'Như trên — cần xác nhận', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-02-09', 'HOLIDAY', 'Tết Nguyên đán Đinh Mùi (mùng 4)', 'Như trên — cần xác nhận', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-04-16', 'HOLIDAY', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d; ngày dương lịch tính theo lịch âm — cần xác nhận', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-04-30', 'HOLIDAY', 'Ngày Chiến thắng', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2027-05-01', 'HOLIDAY', 'Ngày Quốc tế lao động (thứ Bảy)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm c', TRUE, 'system', CURRENT_TIMESTAMP),
 ('2027-05-03', 'HOLIDAY', 'Nghỉ bù Ngày Quốc tế lao động', 'Bộ luật Lao động 2019, Điều 112 khoản 3 (nghỉ bù vào ngày làm việc kế tiếp) — cần xác nhận theo thông báo', FALSE, 'system', CURRENT_TIMESTAMP),
 ('2027-09-02', 'HOLIDAY', 'Quốc khánh', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm đ; ngày liền kề (01/9 hoặc 03/9) chưa có thông báo — cần bổ sung', TRUE, 'system', CURRENT_TIMESTAMP);

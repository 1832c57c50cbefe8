-- Issue 18 (privacy officer): the out-of-hours alert's default working hours become a weekday
-- 08:00-18:30 (a GP practice's core hours; NHS England's GP contract core hours are 08:00-18:30,
-- Monday to Friday). A region that already changed its settings keeps them: only the row as V10
-- seeded it is moved. Sites with evening or weekend clinics set their own hours and days on the
-- alert settings page (audited with before and after values).
update audit_alert_setting
   set working_day_start = '08:00', working_day_end = '18:30', updated_at = now(), updated_by = 'V21'
 where id = 1 and updated_by = 'V10' and working_day_start = '07:00' and working_day_end = '19:00'
   and working_days = 'MON,TUE,WED,THU,FRI';

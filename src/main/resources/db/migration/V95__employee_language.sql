-- The language a person reads PerfFlow in (UI and mail): 'en' or 'zh-CN'; NULL = not chosen
-- (the UI then follows the browser's Accept-Language, mail the configured default,
-- perfflow.i18n.default-language). employee_preference (V52) is the generic per-employee
-- preference row; a row written for the language alone keeps the other defaults.
ALTER TABLE employee_preference ADD COLUMN language text CHECK (language IN ('en', 'zh-CN'));

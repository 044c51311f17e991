-- Kazakh (kk) joins Russian and English as a UI language a user's account may keep (issue 14).
ALTER TABLE "users" DROP CONSTRAINT "users_locale_known";
ALTER TABLE "users" ADD CONSTRAINT "users_locale_known" CHECK ("locale" IN ('ru', 'en', 'kk'));

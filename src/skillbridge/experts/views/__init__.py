"""Pages about diaspora professionals: public outreach, their own profile, officers' pool."""

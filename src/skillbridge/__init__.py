"""SkillBridge: runs diaspora skills-transfer programmes end to end."""

"""Understanding the question: follow-ups, roles, two hops, type and terms, English."""

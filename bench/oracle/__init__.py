"""AnyDoor's eligibility engine checked against PolicyEngine-US (see bench/README.md)."""

"""Custom Rasa input channels: SMS over Twilio, and REST with "erase my answers" done for real."""

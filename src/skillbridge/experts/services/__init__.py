"""Every write about professionals, one function per step. See each module."""

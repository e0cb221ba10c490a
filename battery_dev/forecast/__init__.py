"""Forecasting cycling: the cycler data model and loaders, synthetic fleets, the forecaster and its evaluation."""

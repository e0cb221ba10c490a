"""The web page: `battery-dev serve`, its jobs (cache, queue, forecasts), its routes and JSON API."""

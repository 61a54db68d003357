from wagtail import hooks

from home import demo
from portal.extensions import DEMO_SEED

hooks.register(DEMO_SEED, demo.seed, order=20)

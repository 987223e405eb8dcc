from wagtail import hooks

from .demo import DemoStep
from .demo_content import load_core_demo


@hooks.register("typ_demo_steps")
def core_demo_step():
    return DemoStep("core", load_core_demo, order=0)

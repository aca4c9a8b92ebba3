import CopydeskCore
import CopydeskPolicy
import CopydeskRules


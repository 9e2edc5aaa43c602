// The public face of the simulation. Everything else in src/ is internal.
export { applyCommand } from './commands/apply-command.js';
export { applyPlan, type PlanResult, planRejection } from './commands/apply-plan.js';
export type { BrokenPromiseOutcome, CommandResult, DecisionOutcome, Outcome, Rejection, RejectionCode } from './commands/command-result.js';
export { REJECTION_CODES } from './commands/command-result.js';
export { type Command, type CommandType, commandSchema, type TeamCommand } from './commands/command-schema.js';
export { planCommands, type TeamPlan } from './commands/team-plan.js';
export { CHECKPOINT_HASH_PREFIX, checkpointHash, matchesCheckpointHash } from './figures/checkpoint-hash.js';
export { type DecisionPreview, type DecisionPreviews, previewDecisions } from './figures/decision-preview.js';
export type { OptionOffer, OptionRoundResult } from './figures/option-offers.js';
export { type PlanCost, type PlanCostBasis, planCost } from './figures/plan-cost.js';
export { stateHash } from './figures/state-hash.js';
export {
  balancedScore,
  type GameLength,
  profitIndex,
  profitTarget,
  readAllFigures,
  readFigures,
  type TeamFigures,
} from './figures/team-figures.js';
export {
  type BoardCard,
  type CardView,
  type StaffMemberView,
  type TeamBoard,
  type TeamView,
  teamBoard,
  teamView,
} from './figures/team-view.js';
export {
  BALANCE_RULES,
  type BalanceCheck,
  CHECKED_POLICIES,
  checkBalance,
  LESSON_MIN_HOURS,
  NAIVE_POLICIES,
  winShare,
} from './play/balance-checks.js';
export {
  BALANCE_FIGURES,
  type BalanceFigure,
  type BalanceLength,
  type BalanceRun,
  playBalance,
  playBalanceRun,
  type StrategyStats,
  summariseBalance,
} from './play/balance-report.js';
export { GAME_LOG_FORMAT, type GameLog, gameLogOf, gameLogSchema, gameSetupOfLog, type ReplayResult, replayLog } from './play/game-log.js';
export { FREQUENT, frequentCategories, measurePace, type PaceReport, requestMix } from './play/pace-report.js';
export { type PlayedGame, playGame, stepWithStrategies } from './play/play-game.js';
export { ReplayRejection, type ReplayStep, replayCommands } from './play/replay-commands.js';
export {
  createReplayIndex,
  type ReplayIndex,
  type ReplayIndexOptions,
  type ReplayMark,
  type ReplayMarkKind,
  type ReplayPosition,
} from './play/replay-index.js';
export { type ApplyCommand, playStrategyTurns } from './play/strategy-turn.js';
export { RandomStream } from './random/random-stream.js';
export { WORK } from './rules/work-queue.js';
export { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID, findScenario } from './scenario/builtin-scenarios.js';
export type { Category, EventEffect, Scenario, ScenarioEvent, Segment } from './scenario/scenario-schema.js';
export { scenarioSchema } from './scenario/scenario-schema.js';
export {
  checkScenario,
  checkScenarioText,
  formatScenarioProblem,
  type ScenarioCheck,
  type ScenarioProblem,
} from './scenario/validate-scenario.js';
export { copyPlain } from './state/copy-plain.js';
export { createGame, type GameSetup, MAX_TEAMS } from './state/create-game.js';
export type { Game } from './state/game.js';
export * from './state/game-state.js';
export type { Cents, Hours, Tick } from './state/units.js';
export { createStrategy } from './strategies/create-strategy.js';
export {
  isPolicyName,
  isStrategyName,
  POLICY_NAMES,
  type PolicyName,
  STRATEGY_LABELS,
  STRATEGY_NAMES,
  type Strategy,
  type StrategyName,
  VARIANT_NAMES,
  type VariantName,
} from './strategies/strategy.js';

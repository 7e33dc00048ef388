import { pattern, type ToneGuard, type ToneRule, type ToneRuleSet } from './tone-rule';

// Patterns run on the folded draft (lowercase, straight apostrophes), except `cased` ones, which look for a
// capitalised first name in the case-preserving copy.

/**
 * A capitalised word that is probably a first name: not a sentence opener or a common capitalised word. The
 * stop list is checked after the word (a lookbehind), so only capitalised words pay for it.
 */
const NAME =
  '\\b[A-Z][a-z]{1,15}\\b(?<!\\b(?:I|The|This|That|These|Those|There|Then|You|Your|We|Our|They|Their|It|Its|He|His|She|Her|My|Me|Everyone|Everybody|Nobody|No|Not|Mr|Ms|Mrs|Dr|Thanks|Thank|Great|Good|Nice|Well|So|But|And|Or|If|When|What|Why|How|Who|Where|Let|Look|Just|Today|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Sorry|Honestly|Maybe|Even|Also|Please|Quarter|Team|Rebound|Teams|Someone|Anyone|Happy|Hope|Take|Don|Do|Did|Is|Are|Was|Were|Can|Could|Would|Should|Will|Shall|Okay|Ok|Yes|Hi|Hello|Hey))';
const ACHIEVED_VERB =
  '(?:closed|hit|made|got|won|booked|landed|signed|beat|crushed|smashed|nailed|reached|exceeded|managed|manages|handles|handled|sold|never loses|never misses|always closes|always hits|is already at|is at|has closed|has hit|has made|has already)\\b';

const rules: ToneRule[] = [
  {
    id: 'en.comparison.name-achieved',
    category: 'comparison',
    message: 'comparison.peer',
    cased: true,
    pattern: pattern(
      "{NAME}(?:'s)?(?: (?:already|just|easily|somehow|always|never|did|has|had))? {ACHIEVED_VERB}",
      { NAME, ACHIEVED_VERB },
      'g',
    ),
  },
  {
    id: 'en.comparison.like-name',
    category: 'comparison',
    message: 'comparison.peer',
    cased: true,
    pattern: pattern(
      '\\b(?:(?:be|act|sell|work|more|just|try) like|(?:[Bb]etter|[Ww]orse|more|less|faster|slower|harder|smarter)(?: \\w+){0,3} than|(?:[Cc]ompared|[Cc]ompare yourself) (?:to|with)|[Ll]ook at(?: how)?|as (?:good|well|fast) as) {NAME}',
      { NAME },
      'g',
    ),
  },
  {
    id: 'en.comparison.be-like',
    category: 'comparison',
    message: 'comparison.peer',
    pattern: pattern(
      "\\bwhy (?:can't|cannot|can not|don't|won't) you (?:be|do|sell|close|work|act)(?: \\w+)? like\\b|\\b(?:be|act|sell|work)(?: a bit| a little)? more like\\b",
    ),
  },
  {
    id: 'en.comparison.others',
    category: 'comparison',
    message: 'comparison.peer',
    pattern: pattern(
      '\\b(?:everyone|everybody) else\\b|\\bthe rest of (?:the|your|our) (?:team|group|reps)\\b|\\byour (?:teammates|colleagues|peers|coworkers|co-workers)\\b(?! (?:are|would|will|would be) (?:happy|glad|here|around))|\\b(?:the )?other (?:reps|sellers|members|people on (?:the|your) team)\\b|\\beven (?:the )?(?:new|junior|newest) (?:hires?|guys?|people|reps?|joiners?|starters?)\\b|\\bthe only one (?:who|struggling|not|that|still|on|left)\\b|\\b(?:more|better|faster|worse|less|harder)(?: \\w+){0,3} than you\\b(?! (?:think|know|realize|realise|expect|imagine|give yourself|might))',
    ),
  },
  {
    id: 'en.comparison.ranking',
    category: 'comparison',
    message: 'comparison.ranking',
    pattern: pattern(
      '\\b(?:the )?(?:best|worst|top|bottom|weakest|strongest|slowest|lowest|highest|last)(?: \\w+)? (?:on|in|of) (?:the|your|our|this) (?:team|group|office|floor|board)\\b|\\bbehind (?:everyone|everybody|the rest|the team|your (?:teammates|peers|colleagues|team))\\b|\\b(?:last|bottom) (?:place )?(?:on|of|in) the (?:team|board|leaderboard)\\b|\\bleaderboard\\b|\\branking\\b',
    ),
  },

  {
    id: 'en.blame.your-fault',
    category: 'blame',
    message: 'blame.fault',
    pattern: pattern(
      "\\b(?:that|this|it)(?:'s| is| was) (?:all |totally |entirely |completely |squarely )?on you\\b|\\byour (?:fault|mistake|doing)\\b|\\b(?:only )?have yourself to blame\\b|\\byou (?:really |totally |completely )?(?:messed|screwed|blew|botched|fumbled|bungled|ruined)(?: (?:it|this|that|up|this one|that one))?\\b|\\bdropped the ball\\b",
    ),
  },
  {
    id: 'en.blame.why-not',
    category: 'blame',
    message: 'blame.why',
    pattern: pattern(
      "\\bwhy (?:didn't|did not|wouldn't|couldn't|haven't|hadn't|weren't|wasn't) you\\b|\\bwhy (?:would|did) you (?:ever )?(?:send|say|let|skip|forget|go|do|offer|drop|ignore|agree|give)\\b|\\bhow could you\\b|\\bwhat were you thinking\\b|\\bwhose (?:idea|fault|call)\\b",
    ),
  },
  {
    id: 'en.blame.hindsight',
    category: 'blame',
    message: 'blame.hindsight',
    pattern: pattern(
      "\\byou (?:should|shouldn't|should not|ought to)(?:'ve| have)\\b|\\bif you(?:'d| had)(?: (?:just|only|really))? (?!liked?\\b|wanted\\b|preferred\\b)\\w+ed\\b|\\b(?:was|is|were) (?:totally |completely |entirely )?avoidable\\b",
    ),
  },
  {
    id: 'en.blame.shortfall',
    category: 'blame',
    message: 'blame.shortfall',
    pattern: pattern(
      "\\b(?:rookie|silly|stupid|careless|basic|amateur) (?:mistake|move|error)\\b|\\bno (?:more )?excuses\\b|\\b(?:stop|quit) making excuses\\b|\\byou (?:were|weren't|was|wasn't|are|aren't) (?:not )?(?:prepared|ready|careful) enough\\b|\\byou weren't (?:prepared|ready|careful|listening|paying attention)\\b|\\byou (?:really )?(?:should )?know better\\b|\\band you know it\\b",
    ),
  },

  {
    id: 'en.blame.sarcasm',
    category: 'blame',
    message: 'blame.mocking',
    pattern: pattern(
      '\\b(?:great|nice|good|excellent|brilliant|fantastic|well done|way to go)(?: job| work| going)?,? (?:on )?(?:losing|blowing|dropping|tanking|striking out|getting (?:turned down|rejected|shut down))\\b|\\banother (?:deal|one|sale|account|customer) (?:down|lost|gone)\\b[.!,]?\\s*(?:impressive|great|nice|brilliant|wonderful|well done|bravo|congrats)\\b',
    ),
  },
  {
    id: 'en.numbers.target',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      "\\bhit (?:your|the|this month's|this quarter's|our|that|my) (?:number|numbers|target|targets|quota|quotas|goal|goals|plan)\\b|\\b(?:under|below|behind on|short of|short on|off) (?:your |the |our )?(?:quota|target|plan|number)\\b|\\b\\d+(?:k|m|%)? short\\b|\\bway under\\b|\\b\\d+ ?% of (?:quota|target|plan|your number)\\b|\\b(?:target|quota|number)s? (?:is|are) not (?:an option|optional)\\b|\\bmissing (?:the |your )?(?:target|quota|number)s? is not\\b",
    ),
  },
  {
    id: 'en.numbers.close-more',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      '\\b(?:bring in|close|land|book|sign|get) (?:me )?(?:at least )?(?:\\d+|one|two|three|four|five|a few|another)(?: more)? (?:deals?|sales|contracts|accounts|orders)\\b|\\bclose (?:it|something|this|them|a deal|the deal)\\b[^.!?\\n]{0,30}?\\b(?:by|before|soon|no matter|this week|today|tomorrow)\\b|\\b(?:need|needs|have|has|got) to (?:close|bring in|book|land|sign) more\\b|\\byour (?:numbers|revenue|sales|pipeline|results) (?:is|are) (?:down|low|bad|terrible|not good enough|not where they need)\\b|\\bno matter what\\b|\\bget it done\\b|\\b(?:need|want|expect) (?:to see |you to bring |you to show )?(?:some )?revenue\\b|\\bsee (?:some )?revenue from you\\b',
    ),
  },
  {
    id: 'en.numbers.only-results',
    category: 'numbers-pressure',
    message: 'numbers.only-results',
    pattern: pattern(
      '\\b(?:results|numbers|revenue|the number|quota|closing|the bottom line)(?: is| are)? (?:all that (?:matters?|counts?)|the only thing|what (?:matters?|counts?|pays)|everything)\\b|\\bonly thing that (?:counts|matters)\\b|\\b(?:where are|show me|i need to see|i want to see|let me see) (?:your |the |some )?(?:numbers|results|revenue|deals|sales)\\b',
    ),
  },

  {
    id: 'en.dismiss.minimise',
    category: 'dismissing-feelings',
    message: 'dismiss.minimise',
    pattern: pattern(
      "\\bdon't be (?:so |too )?(?:sensitive|emotional|dramatic|upset|negative|soft)\\b|\\b(?:so|too|overly) (?:sensitive|emotional|dramatic|soft)\\b|\\b(?:it's|it is|that's|that is) (?:not|no) (?:a |that )?big deal\\b|\\b(?:making|make) (?:a |such a )?big deal\\b|\\bover(?:thinking|reacting)\\b|\\bit's (?:just |only )?nothing\\b|\\bjust one (?:no|rejection|deal)\\b|\\bnothing to (?:be upset|cry|get upset|be sad) about\\b|\\bdon't take it (?:so )?(?:hard|personally)\\b",
    ),
  },
  {
    id: 'en.dismiss.toughen',
    category: 'dismissing-feelings',
    message: 'dismiss.toughen',
    pattern: pattern(
      "\\bget over it\\b|\\bshake it off\\b|\\bsuck it up\\b|\\btoughen up\\b|\\bman up\\b|\\bgrow (?:a )?(?:thicker skin|thick skin|pair)\\b|\\bthick(?:er)? skin\\b|\\b(?:stop|quit) (?:whining|complaining|moping|sulking|crying|dwelling|feeling sorry|being (?:so )?(?:sensitive|negative|emotional))\\b|\\bfeeling sorry for yourself\\b|\\bno time for (?:feelings|emotions|tears|self-pity|moping)\\b|\\bit's (?:just|only) business\\b|\\b(?:just |and )?move on\\b(?! to\\b)|\\bcheer up\\b|\\bget used to it\\b|\\bcry(?:ing)? about it\\b|\\bcalm down\\b|\\bchin up\\b|\\bpull yourself together\\b",
    ),
  },

  {
    id: 'en.exhort.harder',
    category: 'empty-exhortation',
    message: 'exhort.effort',
    pattern: pattern(
      "\\b(?:just |simply )?try harder\\b|\\b(?:work|push|hustle|grind|sell|dig) harder\\b|\\bgive it (?:\\d{3} ?%|your all|everything you(?:'ve)? got)|\\b(?:put in|show) (?:more|some) (?:effort|grit|hustle|fight)\\b|\\bmore effort\\b|\\bnot trying hard enough\\b|\\byou can do better\\b|\\bstep it up\\b|\\bpick up the pace\\b|\\bdig deep(?:er)?\\b|\\bwhatever it takes\\b|\\bno pain,? no gain\\b|\\bkeep (?:grinding|pushing|hustling)\\b|\\bhustle\\b|\\bgrinding\\b",
    ),
  },
  {
    id: 'en.exhort.volume',
    category: 'empty-exhortation',
    message: 'exhort.volume',
    pattern: pattern(
      '\\b(?:make|do|book|just make) more (?:calls|dials|meetings|visits|outreach)\\b|\\bnumbers game\\b|\\bkeep (?:dialing|dialling|calling|knocking)\\b|\\bsmile and dial\\b',
    ),
  },
  {
    id: 'en.exhort.positivity',
    category: 'empty-exhortation',
    message: 'exhort.positivity',
    pattern: pattern(
      '\\b(?:just |stay |think |be )positive\\b|\\bbelieve in yourself\\b|\\bwant it (?:more|bad(?:ly)?|enough)\\b|\\bpositive attitude\\b|\\bmindset is everything\\b',
    ),
  },
];

const guards: ToneGuard[] = [
  {
    category: 'comparison',
    pattern: pattern(
      "\\b(?:no need|no reason|don't need|do not need|don't have|do not have|never need) to (?:compare|measure|rank)\\b|\\b(?:don't|do not|never|not|stop|no) (?:compare|comparing|measure|measuring|rank|ranking)\\b|\\bnot (?:a )?(?:competition|race)\\b",
    ),
  },
  {
    category: 'blame',
    pattern: pattern(
      "\\b(?:not|never|isn't|wasn't|is not|was not|not all) (?:your|anyone's|anybody's|on you)\\b|\\b(?:nobody|no one|no-one)(?:'s| is| was)? (?:fault|to blame)\\b|\\bnot to blame\\b|\\bdon't blame yourself\\b|\\bnothing wrong\\b|\\bi should have\\b",
    ),
  },
  {
    category: 'numbers-pressure',
    pattern: pattern(
      "\\b(?:don't|do not|no need to|never|stop|not going to) (?:worry|stress|fret|think|obsess)(?:ing)? about\\b|\\b(?<!don't |do not )forget (?:about )?(?:the |your )?(?:quota|target|number|numbers|revenue|pipeline)s?\\b|\\b(?:aren't|isn't|are not|is not|not) (?:everything|the point|all that matters|what matters|the only thing)\\b|\\bmatters? more than\\b|\\bless important than\\b",
    ),
  },
  {
    category: 'dismissing-feelings',
    pattern: pattern(
      "\\b(?:it's|it is|that's|that is) (?:okay|ok|fine|normal|natural|understandable) to\\b|\\byou don't have to (?:bounce|get over|move on|be ok|pretend|feel)\\b|\\bno (?:need|rush) to (?:move on|get over|bounce)\\b|\\btake your time\\b",
    ),
  },
  {
    category: 'empty-exhortation',
    pattern: pattern(
      "\\b(?:won't|will not|not going to|never going to|don't want to|not here to|i'm not|i am not) (?:tell|ask|push|say)\\b|\\bnot asking you to\\b|\\b(?:hard|enough) already\\b|\\btoo hard\\b",
    ),
  },
];

export const enToneRules: ToneRuleSet = { rules, guards };

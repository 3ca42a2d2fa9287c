import type { ArticleItem, ContentSource } from '../content.types';

// Sources carry no links: a page address can move, but a title, publisher and year stay findable.
const FDA_ESKETAMINE_APPROVAL: ContentSource = {
  title:
    "FDA approves new nasal spray medication for treatment-resistant depression; available only at a certified doctor's office or clinic",
  publisher: 'U.S. Food and Drug Administration',
  year: 2019,
};
const NIDA_DISSOCIATIVE_DRUGS: ContentSource = {
  title: 'Hallucinogens and Dissociative Drugs',
  publisher: 'National Institute on Drug Abuse, National Institutes of Health',
  year: 2015,
};
const DEA_DRUGS_OF_ABUSE: ContentSource = {
  title: 'Drugs of Abuse: A DEA Resource Guide, 2020 Edition',
  publisher: 'U.S. Drug Enforcement Administration',
  year: 2020,
};
const SURGEON_GENERAL_FACING_ADDICTION: ContentSource = {
  title: "Facing Addiction in America: The Surgeon General's Report on Alcohol, Drugs, and Health",
  publisher: 'U.S. Department of Health and Human Services, Office of the Surgeon General',
  year: 2016,
};
const WHO_ESSENTIAL_MEDICINES: ContentSource = {
  title: 'WHO Model List of Essential Medicines, 23rd List',
  publisher: 'World Health Organization',
  year: 2023,
};
const BERMAN_2000: ContentSource = {
  title: 'Antidepressant effects of ketamine in depressed patients',
  authors: 'Berman and colleagues',
  publisher: 'Biological Psychiatry',
  year: 2000,
};
const ZARATE_2006: ContentSource = {
  title:
    'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
  authors: 'Zarate and colleagues',
  publisher: 'Archives of General Psychiatry',
  year: 2006,
};
const MORGAN_CURRAN_2012: ContentSource = {
  title: 'Ketamine use: a review',
  authors: 'Morgan and Curran',
  publisher: 'Addiction',
  year: 2012,
};
const MURROUGH_2013: ContentSource = {
  title:
    'Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site randomized controlled trial',
  authors: 'Murrough and colleagues',
  publisher: 'American Journal of Psychiatry',
  year: 2013,
};
const HARTOGSOHN_2016: ContentSource = {
  title:
    'Set and setting, psychedelics and the placebo response: an extra-pharmacological perspective on psychopharmacology',
  authors: 'Hartogsohn',
  publisher: 'Journal of Psychopharmacology',
  year: 2016,
};
const SANACORA_2017: ContentSource = {
  title: 'A consensus statement on the use of ketamine in the treatment of mood disorders',
  authors: 'Sanacora and colleagues',
  publisher: 'JAMA Psychiatry',
  year: 2017,
};
const SHORT_2018: ContentSource = {
  title: 'Side-effects associated with ketamine use in depression: a systematic review',
  authors: 'Short and colleagues',
  publisher: 'The Lancet Psychiatry',
  year: 2018,
};
const DORE_2019: ContentSource = {
  title:
    'Ketamine assisted psychotherapy (KAP): patient demographics, clinical data and outcomes in three large practices administering ketamine with psychotherapy',
  authors: 'Dore and colleagues',
  publisher: 'Journal of Psychoactive Drugs',
  year: 2019,
};
const PHILLIPS_2019: ContentSource = {
  title:
    'Single, repeated, and maintenance ketamine infusions for treatment-resistant depression: a randomized controlled trial',
  authors: 'Phillips and colleagues',
  publisher: 'American Journal of Psychiatry',
  year: 2019,
};
const MCINTYRE_2021: ContentSource = {
  title:
    'Synthesizing the evidence for ketamine and esketamine in treatment-resistant depression: an international expert opinion on the available evidence and implementation',
  authors: 'McIntyre and colleagues',
  publisher: 'American Journal of Psychiatry',
  year: 2021,
};
const BATHJE_2022: ContentSource = {
  title: 'Psychedelic integration: an analysis of the concept and its practice',
  authors: 'Bathje, Majeski and Kudowor',
  publisher: 'Frontiers in Psychology',
  year: 2022,
};
const DROZDZ_2022: ContentSource = {
  title: 'Ketamine assisted psychotherapy: a systematic narrative review of the literature',
  authors: 'Drozdz and colleagues',
  publisher: 'Journal of Pain Research',
  year: 2022,
};
const KROENKE_2001: ContentSource = {
  title: 'The PHQ-9: validity of a brief depression severity measure',
  authors: 'Kroenke, Spitzer and Williams',
  publisher: 'Journal of General Internal Medicine',
  year: 2001,
};
const SPITZER_2006: ContentSource = {
  title: 'A brief measure for assessing generalized anxiety disorder: the GAD-7',
  authors: 'Spitzer and colleagues',
  publisher: 'Archives of Internal Medicine',
  year: 2006,
};

/** Education only: every article sends questions about the body, medicines or suitability to the clinician. */
export const ARTICLES: readonly ArticleItem[] = [
  {
    slug: 'iv-ketamine-and-ketamine-assisted-psychotherapy',
    kind: 'article',
    phase: 'preparation',
    title: 'IV ketamine therapy and ketamine-assisted psychotherapy',
    summary: 'How the two most common ways of using ketamine in mental health care differ.',
    estimatedMinutes: 6,
    sections: [
      {
        heading: 'Two ways clinics use ketamine',
        paragraphs: [
          'Ketamine has been used as a medicine for anesthesia for decades.',
          'Today, clinics also use it to help people with depression and some other conditions.',
          'Two common ways are IV ketamine therapy and ketamine-assisted psychotherapy, often called KAP.',
        ],
      },
      {
        heading: 'IV ketamine therapy',
        paragraphs: [
          'IV means the medicine goes into a vein, through a thin tube called a drip.',
          'You have it at the clinic, resting in a comfortable chair. A medical team watches over you the whole time.',
          'The main focus is the medicine itself. You may listen to music and rest, with little talking.',
          'Many IV clinics add support around the infusions, such as integration sessions or a portal like this one.',
        ],
      },
      {
        heading: 'Ketamine-assisted psychotherapy',
        paragraphs: [
          'In KAP, ketamine is one part of a wider course of therapy.',
          'A therapist meets with you before, during and after the medicine sessions.',
          'The medicine may be given in other ways, such as a lozenge that melts in the mouth or an injection into a muscle.',
          'The talking matters as much as the medicine. The therapist helps you explore what comes up.',
        ],
      },
      {
        heading: 'What about the nasal spray?',
        paragraphs: [
          'Esketamine is a close relative of ketamine.',
          'In 2019, the FDA approved an esketamine nasal spray for depression that has not improved with other treatments.',
          "It is only given in a certified clinic or doctor's office. It is a different product from IV ketamine.",
        ],
      },
      {
        heading: 'Your clinician leads the medical side',
        paragraphs: [
          'How much medicine you get, called the dose, is always decided by your prescribing clinician.',
          'Questions about your health, your medicines, or whether a treatment suits you are for them too.',
          'Your clinic can also tell you exactly what their own program includes.',
        ],
      },
    ],
    sources: [DORE_2019, DROZDZ_2022, SANACORA_2017, FDA_ESKETAMINE_APPROVAL],
  },
  {
    slug: 'what-an-infusion-can-feel-like',
    kind: 'article',
    phase: 'preparation',
    title: 'What an infusion can feel like',
    summary:
      'The feelings people often describe during and after an infusion, so fewer things come as a surprise.',
    estimatedMinutes: 6,
    sections: [
      {
        heading: 'Every infusion is different',
        paragraphs: [
          'People describe their infusions in many different ways.',
          'Your own may change from one time to the next. There is no right way to feel.',
        ],
      },
      {
        heading: 'Feelings many people describe',
        paragraphs: [
          'Many people feel floaty, light or heavy.',
          'Sounds and music may seem richer, or very far away. Time can seem to stretch or shrink.',
          'Some people see colors or shapes with their eyes closed.',
          'Many people feel a little separate from their body or their thoughts. This is called dissociation. It is a well-known effect of ketamine.',
        ],
      },
      {
        heading: 'Emotions and memories',
        paragraphs: [
          'Strong feelings or old memories can come up.',
          'Some feel warm and peaceful. Some feel sad, strange or uneasy.',
          'Hard moments can still be part of helpful work. You do not have to face them alone.',
        ],
      },
      {
        heading: 'Your body',
        paragraphs: [
          'Some people notice tingling, numbness, dizziness or an upset stomach.',
          'The clinic team looks after the physical side, and they are right there with you.',
          'Tell them about anything in your body that worries you, however small.',
        ],
      },
      {
        heading: 'Afterwards',
        paragraphs: [
          'The strongest feelings usually fade soon after the infusion ends.',
          'You may feel tired, wobbly or dreamy for the rest of the day.',
          'That is one reason someone takes you home and stays with you.',
        ],
      },
      {
        heading: 'Things that can help',
        paragraphs: [
          'Setting an intention, choosing your music and bringing an eye mask can help you feel at ease.',
          'It can also help to read "Riding the wave during an infusion" before you go.',
        ],
      },
    ],
    sources: [ZARATE_2006, SHORT_2018, FDA_ESKETAMINE_APPROVAL, NIDA_DISSOCIATIVE_DRUGS],
  },
  {
    slug: 'ketamine-myths-and-street-names',
    kind: 'article',
    phase: 'any_time',
    title: 'Ketamine myths and street names',
    summary: 'Common things people hear about ketamine, and what is actually known.',
    estimatedMinutes: 5,
    sections: [
      {
        heading: 'Why this matters',
        paragraphs: [
          'Ketamine has a long history, both in hospitals and outside them.',
          'That history has led to some myths. Knowing the facts can make treatment feel less confusing.',
        ],
      },
      {
        heading: 'Street names you may hear',
        paragraphs: [
          'Outside medical care, ketamine is sometimes called "Special K," "K," "Kit Kat," "Vitamin K" or "Cat Valium."',
          'US government drug guides list these names.',
          'Hearing them can feel odd while you are in treatment. What matters is how, where and by whom a medicine is used.',
        ],
      },
      {
        heading: 'Myth: "It is just a horse tranquilizer"',
        paragraphs: [
          'Vets do use ketamine. It is also a medicine for people.',
          'The World Health Organization includes it on its list of essential medicines, for anesthesia.',
        ],
      },
      {
        heading: 'Myth: "A clinic infusion is the same as street use"',
        paragraphs: [
          'In a clinic, a trained team gives you medicine made to medical standards, and watches over you.',
          'Ketamine bought on the street may be mixed with other things, and nobody is there to help if something goes wrong.',
        ],
      },
      {
        heading: 'Myth: "One infusion will fix everything"',
        paragraphs: [
          'For many people, change builds over several infusions.',
          'Integration, therapy and everyday care all play a part.',
        ],
      },
      {
        heading: 'Myth: "If it does not feel big, it is not working"',
        paragraphs: [
          'Experiences vary a lot. A quiet infusion can still be part of a helpful course.',
          'Your questionnaires and your care team give a clearer picture than any single day.',
        ],
      },
      {
        heading: 'Myth: "Feeling strange means something is wrong"',
        paragraphs: [
          'Feeling odd or detached is a common, expected effect. It usually passes soon after the infusion.',
          'Even so, always tell the team if anything worries you.',
        ],
      },
    ],
    sources: [
      DEA_DRUGS_OF_ABUSE,
      SURGEON_GENERAL_FACING_ADDICTION,
      WHO_ESSENTIAL_MEDICINES,
      SANACORA_2017,
    ],
  },
  {
    slug: 'ketamine-and-the-risk-of-dependence',
    kind: 'article',
    phase: 'any_time',
    title: 'Ketamine and the risk of dependence',
    summary: 'What is known about ketamine and dependence, and why clinics take care.',
    estimatedMinutes: 5,
    sections: [
      {
        heading: 'A fair question',
        paragraphs: [
          'Many people wonder whether ketamine is addictive.',
          'It is a good question to ask, and your clinic will be glad to talk about it.',
        ],
      },
      {
        heading: 'What is known about misuse',
        paragraphs: [
          'Some people who use ketamine often, in large amounts and outside medical care, become dependent on it.',
          'Frequent heavy use has also been linked to bladder problems and memory problems.',
        ],
      },
      {
        heading: 'Treatment in a clinic',
        paragraphs: [
          'With IV treatment, ketamine is given only at the clinic, on a plan, by a medical team.',
          'Studies of clinic treatment for depression have rarely reported people becoming dependent.',
          'Most of those studies were fairly short, though. So experts keep watching closely.',
        ],
      },
      {
        heading: 'Why there are safeguards',
        paragraphs: [
          'In the US, ketamine is a controlled medicine because it can be misused.',
          'For the same reason, the FDA allows the esketamine nasal spray to be given only in certified clinics.',
          'These rules are there to keep people safe.',
        ],
      },
      {
        heading: 'If you notice cravings',
        paragraphs: [
          'Some people find themselves wanting ketamine between sessions, or wanting more of it.',
          'If that happens, tell your prescribing clinician.',
          'Clinicians are used to talking about this, and there is no shame in it.',
        ],
      },
    ],
    sources: [
      MORGAN_CURRAN_2012,
      SHORT_2018,
      SANACORA_2017,
      FDA_ESKETAMINE_APPROVAL,
      NIDA_DISSOCIATIVE_DRUGS,
    ],
  },
  {
    slug: 'how-soon-change-tends-to-come',
    kind: 'article',
    phase: 'integration',
    title: 'How soon change tends to come',
    summary:
      'What research says about the timing of change, and why a course has several infusions.',
    estimatedMinutes: 5,
    sections: [
      {
        heading: 'It is different for everyone',
        paragraphs: [
          'Some people notice a change quickly. For others, change comes slowly, or not in the way they hoped.',
          'All of these are common.',
        ],
      },
      {
        heading: 'What studies have found',
        paragraphs: [
          'In early studies, some people with depression felt better within a day of a single infusion.',
          'For many of them, the effect of one infusion faded within a week or two.',
        ],
      },
      {
        heading: 'Why a course has several infusions',
        paragraphs: [
          'Because the effect of one infusion can fade, clinics usually plan a series of infusions.',
          'Some people later have occasional booster infusions.',
          'Your clinic works out the plan with you.',
        ],
      },
      {
        heading: 'What change can look like',
        paragraphs: [
          'Change is not always a big lift in mood.',
          'It can be sleeping better, having a little more energy, or feeling less stuck.',
          'Your journal and your questionnaires help you and your care team see the pattern over time.',
        ],
      },
      {
        heading: 'When change is slow',
        paragraphs: [
          'If you are not noticing much, you are not failing.',
          'Tell your care team how you are doing. They can talk with you about what comes next.',
          'If you ever feel worse or unsafe, use "Get help now" to reach a crisis line and your clinic.',
        ],
      },
    ],
    sources: [BERMAN_2000, ZARATE_2006, MURROUGH_2013, PHILLIPS_2019, MCINTYRE_2021],
  },
  {
    slug: 'why-integration-matters',
    kind: 'article',
    phase: 'integration',
    title: 'Why integration matters',
    summary:
      'How the days and weeks after an infusion help you carry what you found into daily life.',
    estimatedMinutes: 5,
    sections: [
      {
        heading: 'What integration means',
        paragraphs: [
          'Integration means making sense of an experience and carrying it into daily life.',
          'It happens in the days and weeks after an infusion, at your own pace.',
        ],
      },
      {
        heading: 'Why it helps',
        paragraphs: [
          'An infusion can bring up new feelings, ideas or memories.',
          'Without time to reflect, these can fade or stay confusing.',
          'Researchers who study ketamine with therapy suggest that support before and after sessions may help benefits last longer.',
          'More research is still needed, but many clinics build integration into their care.',
        ],
      },
      {
        heading: 'Set and setting',
        paragraphs: [
          'Researchers often talk about "set and setting."',
          'Set is your mindset. Setting is the place and the people around you.',
          'Both can shape an experience. Integration helps you learn from it afterwards.',
        ],
      },
      {
        heading: 'Ways to integrate',
        paragraphs: [
          'Write in your journal the same evening, the next day and the following week.',
          'Talk with your therapist or care team about what came up.',
          'Rest, spend time outdoors, and move your body in ways that feel good.',
          'Choose one small step to try, and notice how it goes.',
        ],
      },
      {
        heading: 'There is no deadline',
        paragraphs: [
          'Some insights take weeks to make sense. Others never fully do, and that is okay.',
          'Be patient and kind with yourself along the way.',
        ],
      },
    ],
    sources: [BATHJE_2022, DROZDZ_2022, HARTOGSOHN_2016, DORE_2019],
  },
  {
    slug: 'about-your-questionnaires',
    kind: 'article',
    phase: 'any_time',
    title: 'About your check-in questionnaires',
    summary:
      'What the PHQ-9 and GAD-7 questionnaires are, and why your clinic asks you to fill them in.',
    estimatedMinutes: 4,
    sections: [
      {
        heading: 'Two short questionnaires',
        paragraphs: [
          'The PHQ-9 asks about your mood over the last two weeks. The GAD-7 asks about worry and anxiety.',
          'Doctors and researchers around the world use them. They were tested carefully before they were shared.',
        ],
      },
      {
        heading: 'Why your clinic asks',
        paragraphs: [
          'You fill them in before your course starts, and again along the way.',
          'Comparing your answers over time shows you and your care team how things are moving.',
        ],
      },
      {
        heading: 'What they are not',
        paragraphs: [
          'Your answers do not give a diagnosis on their own.',
          'They are one part of the picture, next to your journal and your talks with your care team.',
        ],
      },
      {
        heading: 'Answer honestly',
        paragraphs: [
          'There are no right or wrong answers. Choose the one that fits best, even if it feels hard to say.',
          'If your answers suggest you may be struggling, the portal shows you where to find help straight away, and your clinic is told.',
        ],
      },
    ],
    sources: [KROENKE_2001, SPITZER_2006],
  },
];

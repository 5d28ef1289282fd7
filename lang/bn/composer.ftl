# কম্পোজারের টেমপ্লেটগুলো যে বাক্যাংশ ভাগ করে নেয় (বাংলা, "আপনি" সম্বোধনে)।
# তারিখ ও টাকার অঙ্ক আগেই বাংলা অঙ্কে সাজানো অবস্থায় আসে।

subject-call-request = { $project } নিয়ে কি আমরা একটু কথা বলতে পারি?
subject-call-script = কলের স্ক্রিপ্ট: { $project }
subject-voicemail = ভয়েসমেইল: { $project }
subject-delay-email = { $project }: নতুন হস্তান্তরের তারিখ
subject-mistake-email = { $project }: আমাদের ভুল এবং আমরা কীভাবে তা ঠিক করছি
subject-walk-back-email = { $project }: আপনাকে দেওয়া প্রতিশ্রুতি প্রসঙ্গে
subject-follow-up-summary = { $project }: আমরা যা ঠিক করেছি
subject-transition-checkin = { $project }: কাজের বর্তমান অবস্থা
subject-weekly-checkin = { $project }: সাপ্তাহিক আপডেট
subject-retrospective-doc = পর্যালোচনা: { $project }

greeting = প্রিয় { $name },
sign-off = শুভেচ্ছান্তে,

money = { $amount } { $symbol }
remedy-discount-percent = এই অসুবিধার ক্ষতিপূরণ হিসেবে আমরা { $future ->
    [yes] আমাদের সঙ্গে আপনার পরবর্তী প্রকল্পে
   *[no] এই প্রকল্পে
} আপনাকে { $percent }% মূল্যছাড় দেব।
remedy-discount-amount = এই অসুবিধার ক্ষতিপূরণ হিসেবে আমরা { $future ->
    [yes] আমাদের সঙ্গে আপনার পরবর্তী প্রকল্পে
   *[no] এই প্রকল্পে
} আপনাকে { $amount } মূল্যছাড় দেব।
remedy-free-hours = এই অসুবিধার ক্ষতিপূরণ হিসেবে আমরা আপনার জন্য { $hours } ঘণ্টার কাজ বিনামূল্যে করে দেব।
remedy-free-extras = এই অসুবিধার ক্ষতিপূরণ হিসেবে আমরা বিনা খরচে এগুলো দেব: { $what }
remedy-substitute = বিকল্প হিসেবে আমরা আপনাকে এটি দিতে পারি: { $what }
remedy-none = বিকল্প হিসেবে, আপনার লক্ষ্যে পৌঁছাতে আমরা এভাবে সাহায্য করব: { $route }

weekly-done = { $count ->
    [0] এই সপ্তাহে কোনো কাজ শেষ হয়নি
   *[other] এই সপ্তাহে আমরা { $done }টি কাজ শেষ করেছি
}; আরও { $remaining }টি কাজ বাকি আছে।

heading-opening = শুরু
heading-apology = ক্ষমা চাওয়া
heading-impact = ক্লায়েন্টের জন্য এর অর্থ কী
heading-empathy = মন দিয়ে শুনুন, বুঝেছেন তা দেখান
heading-steer-back = ক্লায়েন্ট হতাশ থাকলে
heading-plan = পরিকল্পনা
heading-new-date = নতুন তারিখ
heading-remedy = আমরা যা দিচ্ছি
heading-next-step = পরবর্তী পদক্ষেপ
heading-dont-say = যা বলবেন না
heading-timeline = সময়সূচি
heading-what-happened = কী ঘটেছিল
heading-cause = কারণ (অভ্যন্তরীণ)
heading-factors = যেসব বিষয় ভূমিকা রেখেছে
heading-actions = করণীয়

// Plan pages, the only script besides search: a click on a paragraph's ¶ copies the
// paragraph's link and shows the suggested citation of that paragraph under it; an old
// positional link (#d17, from before ids came from content) goes to the 17th paragraph.
// Without JavaScript the ¶ links and the document's citation (Citation.astro) still work.
(() => {
  const links = [...document.querySelectorAll('.doc a[id]')];
  const box = document.getElementById('trich-dan');
  const old = /^#d(\d+)$/.exec(location.hash);
  if (old && !document.getElementById(old[0].slice(1)) && links[old[1] - 1]) location.replace(`#${links[old[1] - 1].id}`);
  if (!box) return;
  const heading = (a) => /^H\d$/.test(a.parentElement.tagName);
  const cite = (a) => {
    const n = links.indexOf(a);
    const section = links.slice(0, n + 1).reverse().find(heading);
    const url = `${box.dataset.url}#${a.id}`;
    // The heading's words, without its own ¶ (the first thing in it).
    const title = section && section.parentElement.textContent.slice(section.textContent.length).trim();
    box.querySelector('.where').textContent = `${title ? `, mục “${title}”` : ''}, đoạn ${n + 1}`;
    box.querySelector('.url').textContent = url;
    box.querySelector('.accessed').textContent = new Date().toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });
    const block = a.closest('li') ?? a.closest('.restored') ?? a.parentElement;
    if (block.tagName === 'LI') block.append(box);
    else block.after(box);
    return url;
  };
  document.addEventListener('click', (e) => {
    const a = e.target.closest?.('.doc a[id]');
    if (!a) return;
    const url = cite(a);
    navigator.clipboard?.writeText(url).then(() => { box.querySelector('.copied').textContent = 'Đã chép liên kết của đoạn.'; }, () => {});
  });
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && links.includes(target)) cite(target);
})();
